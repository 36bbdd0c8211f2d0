"""supplybrief: Norwegian/Swedish news articles -> English briefings with supply claims first."""

__version__ = "0.1.0"
