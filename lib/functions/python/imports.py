import builtins
import contextlib
import datetime
import io
import json
import linecache
import re
import sys
import time
import traceback

FILENAME = "<function>"
