"""Exporters: one module per output format, each escaping article text for its own renderer."""
