#!/usr/bin/env python3
"""Copies a service's botocore model into emulator-api's resources, without its documentation.

The emulator reads the model at start (operation names, request shapes, error shapes); documentation is most of
the file and none of its use. Writes emulator-api/src/main/resources/aws/<service>-<version>.service.json.gz as
compact JSON with sorted keys.

Usage (from the repository root): tools/codegen/copy_model.py secretsmanager 2017-10-17
"""
import gzip
import json
import os
import sys

import botocore


def strip(node):
    if isinstance(node, dict):
        return {k: strip(v) for k, v in node.items() if k != "documentation"}
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node


def main():
    service, version = sys.argv[1], sys.argv[2]
    source = os.path.join(os.path.dirname(botocore.__file__), "data", service, version, "service-2.json.gz")
    with gzip.open(source, "rt") as f:
        model = strip(json.load(f))
    target = "emulator-api/src/main/resources/aws/%s-%s.service.json.gz" % (service, version)
    text = json.dumps(model, sort_keys=True, separators=(",", ":"))
    with gzip.GzipFile(target, "wb", mtime=0) as f:
        f.write(text.encode("utf-8"))
    print("botocore %s: %s, %d operations -> %s" % (botocore.__version__, service, len(model["operations"]), target))


if __name__ == "__main__":
    main()
