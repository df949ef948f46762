"""How a summary is laid out as Markdown: the choices both front ends offer.

Apart from ``export``, which uses them: the command line names them in its options for every
summary, and importing the export code with them cost a plain-text summary 10 million
instructions at every start.
"""

from __future__ import annotations

from enum import Enum


class Style(str, Enum):
    PARAGRAPH = "paragraph"
    BULLETS = "bullets"


class Metadata(str, Enum):
    LINE = "line"
    FRONT_MATTER = "front-matter"
    NONE = "none"
