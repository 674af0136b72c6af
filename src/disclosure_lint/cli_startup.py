"""What the command line does before it imports the rest of the tool (imported first by :mod:`.cli`): compiled
regular expressions from the cache (:mod:`.recache`), before the report layer compiles its patterns."""

from . import recache

recache.install()
