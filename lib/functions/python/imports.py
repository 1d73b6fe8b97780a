import builtins
import contextlib
import io
import json
import linecache
import re
import sys
import time
import traceback

FILENAME = "<function>"
