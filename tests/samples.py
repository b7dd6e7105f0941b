"""Sample texts shared by the tests: a short news article made up for them."""

from __future__ import annotations

ARTICLE = [
    "The city council approved the new budget on Tuesday evening after a long debate that lasted more than four hours.",
    "Supporters said the plan would fund new schools, repair roads and hire more teachers, while critics warned about debt.",
    "The mayor, who proposed the budget in March, said she was pleased with the result and thanked the members for their work.",
    "The budget takes effect on July 1, and the first projects are expected to start before the end of summer, officials said.",
    "A second vote on the school construction plan is scheduled for next month, according to the council's published agenda.",
]
