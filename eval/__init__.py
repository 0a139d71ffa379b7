"""Labelled evaluation cases for legcheck and the scorer that runs them (`python -m eval`)."""
