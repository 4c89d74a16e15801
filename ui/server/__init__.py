"""The server itself: its one queue for heavy work, the waiting drawn on a page, and what it does when it starts."""
