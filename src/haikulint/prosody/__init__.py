"""The syllable engine: text or slug to lines, words and every plausible reading.

Pure: no CLI, no file I/O beyond its own data files. Import-light: the CMU
dictionary, the lexicon and pyphen are loaded on first use, never at import.
"""

from haikulint.prosody.readings import LineReading, Source, WordReading

__all__ = ["LineReading", "Source", "WordReading"]
