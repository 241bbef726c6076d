"""The blog: finding post files, reading a path into a Slug and a file into a Post.

Knows nothing of rules.
"""
