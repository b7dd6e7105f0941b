"""Per-block measurements: what reads as prose in scripts with and without spaces or punctuation."""

from __future__ import annotations

import pytest

from articlex.classify.features import measure
from articlex.model import BlockKind
from articlex.stages import Block

PROSE = {
    "thai": "วันนี้รัฐบาลประกาศมาตรการใหม่เพื่อช่วยเหลือเกษตรกร ซึ่งได้รับผลกระทบจากภัยแล้งในภาคตะวันออกเฉียงเหนือ",
    "hindi": "भारत सरकार ने आज नई नीति की घोषणा की। यह नीति किसानों की मदद के लिए है और इससे लाखों लोगों को फायदा होगा।",
    "chinese": "市政府周二宣布，将在明年投入更多资金修建学校和道路，以改善居民的生活条件，并创造更多就业机会。",
    "arabic": "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين، وتشمل الخطة قروضا ميسرة وتدريبا على أساليب الري الحديثة في المناطق الريفية.",
}


def block(text: str) -> Block:
    return Block(0, text, BlockKind.PARAGRAPH, "body>p")


@pytest.mark.parametrize("language", sorted(PROSE))
def test_a_sentence_of_running_text_is_prose(language: str) -> None:
    """A paragraph of running text reads as prose whatever its script and punctuation habits."""
    assert measure(block(PROSE[language])).is_prose


def test_a_long_unpunctuated_chinese_line_is_not_prose() -> None:
    """Chinese without any punctuation (a row of menu labels) is not prose, however long."""
    assert not measure(
        block("首页新闻国际国内财经体育娱乐科技汽车房产教育健康旅游时尚文化军事历史读书图片视频专题")
    ).is_prose


def test_a_long_dash_line_is_dialogue_not_a_list_item() -> None:
    """A long line opening with a dash is a line of dialogue, not a bulleted list item."""
    text = "— Однажды утром я решил завести дневник, самый простой, и стал записывать всё, что видел по дороге."
    assert not measure(block(text)).bullet


def test_a_short_dash_line_is_a_list_item() -> None:
    """A short line opening with a dash is a list item."""
    assert measure(block("- Read the full report")).bullet
