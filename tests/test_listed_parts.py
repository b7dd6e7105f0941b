"""Finding the blocks that show the parts a page's structured data lists (a recipe's ingredients and steps)."""

from __future__ import annotations

from articlex.classify.listed_parts import MAX_COMPARISONS, blocks_showing, widen_to_listed_parts
from articlex.model import BlockKind
from articlex.stages import Block


def _blocks(*texts: str, ancestors: tuple[int, ...] = (0,)) -> list[Block]:
    return [
        Block(index, text, BlockKind.PARAGRAPH, "body>div", ancestors=ancestors) for index, text in enumerate(texts)
    ]


def test_a_part_is_shown_by_the_block_holding_its_start_or_by_an_amount_and_the_next_block() -> None:
    blocks = _blocks("Home", "▢ 2 cups flour, sifted", "300 ml", "oat milk or water", "Stir well and serve.")
    parts = ["2 cups flour, sifted", "300 ml oat milk (or water)", "Stir well and serve."]
    assert blocks_showing(blocks, parts) == {1, 2, 3, 4}


def test_short_parts_and_short_blocks_show_nothing() -> None:
    blocks = _blocks("2", "Egg", "Pepper to taste")
    assert blocks_showing(blocks, ["2", "Egg"]) == frozenset()


def test_a_page_too_large_to_compare_is_not_looked_through() -> None:
    parts = [f"{n} grams of ingredient number {n}" for n in range(100)]
    blocks = _blocks(*(f"Line {n} of a very long page" for n in range(MAX_COMPARISONS // len(parts) + 1)), parts[0])
    assert blocks_showing(blocks, parts) == frozenset()
    assert blocks_showing(blocks[-3:], parts) == {blocks[-1].index}


def test_the_main_content_widens_to_the_nearest_element_holding_the_parts_never_to_the_page() -> None:
    # containers: 0 body > 1 div.recipe > (2 div.notes, 3 div.ingredients); 0 body > 4 div.menu
    notes = _blocks("Good to know", ancestors=(0, 1, 2))
    ingredients = [Block(1, "500 g rye flour", BlockKind.LIST_ITEM, "li", ancestors=(0, 1, 3))]
    menu = [Block(2, "Rye bread", BlockKind.LIST_ITEM, "li", ancestors=(0, 4))]
    blocks = [*notes, *ingredients, *menu]
    assert widen_to_listed_parts(blocks, 2, {1}) == 2  # one part outside: maybe a teaser's
    two = [*notes, ingredients[0], Block(3, "1 tsp salt", BlockKind.LIST_ITEM, "li", ancestors=(0, 1, 3)), *menu]
    assert widen_to_listed_parts(two, 2, {1, 3}) == 1
    assert widen_to_listed_parts(two, 2, {1, 2}) == 2  # only the page holds both
