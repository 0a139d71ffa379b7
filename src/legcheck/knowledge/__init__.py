"""The knowledge base: data files, their schema and the loader."""

from legcheck.knowledge.base import KnowledgeBase
from legcheck.knowledge.loader import load_knowledge, read_knowledge

__all__ = ["KnowledgeBase", "load_knowledge", "read_knowledge"]
