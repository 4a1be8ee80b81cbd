"""How lhm-oss calls git on repositories it does not trust.

A repository's own configuration can name a program that git starts
(``core.fsmonitor``, run when git looks at the work tree). Every git call of
lhm-oss switches it off, and so does the environment of programs that call
git themselves (reuse).
"""

SAFE_GIT = ("git", "-c", "core.fsmonitor=false", "-c", "core.untrackedCache=false")
SAFE_GIT_ENVIRONMENT = {"GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "core.fsmonitor", "GIT_CONFIG_VALUE_0": "false"}
