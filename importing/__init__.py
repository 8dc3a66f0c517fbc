"""Bring an existing blog in: read Blogger, WordPress, Markdown or scraped plain
text, find each article's parts, and write them as structured articles."""
