"""quizgen: news article to Anki deck and printable worksheet."""
__version__ = "0.1.0"
