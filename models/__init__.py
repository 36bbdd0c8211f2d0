"""Translation models: the catalogue and `python -m models install [name]`."""
