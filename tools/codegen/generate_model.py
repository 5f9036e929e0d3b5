#!/usr/bin/env python3
"""Generates the shape records of emulator-core from each service's botocore model.

Every non-exception structure of a service's model becomes an immutable Java record in the service's package
of emulator-core (SERVICES below), with one component per member (boxed types, null when absent), a builder
and toBuilder(). Enums stay Strings so every value round-trips exactly as sent; the request validator
checks them against the model. Lists and maps are copied into unmodifiable collections; blobs are byte[]
(base64 on the wire).

Components are named in lower camel case; a member the model spells otherwise (Secrets Manager's SecretId)
keeps its wire name through @JsonProperty. For services other than ECS (whose records predate this), a record
with a sensitive member (a secret value) redacts it in toString(), as the AWS SDKs do, so no log line or
message made from a record can show the value.

Usage (from the repository root; rewrites each package wholesale):
  tools/codegen/generate_model.py              every service
  tools/codegen/generate_model.py ecs          one service
"""
import gzip
import json
import os
import shutil
import sys

MODELS = "emulator-api/src/main/resources/aws/"
SOURCES = "emulator-core/src/main/java/"

# One entry per service on the endpoint: its model resource, the package of its records, its name in comments,
# what its package-info says, and whether toString() redacts sensitive members.
SERVICES = {
    "ecs": {
        "model": "ecs-2014-11-13.service.json.gz",
        "package": "dev.ecsemulator.core.model",
        "title": "ECS",
        "about": "the resources (Cluster, TaskDefinition, Task, Service, ...)",
        "redact": False,
    },
    "secretsmanager": {
        "model": "secretsmanager-2017-10-17.service.json.gz",
        "package": "dev.ecsemulator.core.secretsmanager.model",
        "title": "Secrets Manager",
        "about": "the entries (SecretListEntry, SecretVersionsListEntry, ...)",
        "redact": True,
    },
    "ssm": {
        "model": "ssm-2014-11-06.service.json.gz",
        "package": "dev.ecsemulator.core.ssm.model",
        "title": "SSM",
        "about": "the entries (Parameter, ParameterMetadata, ParameterHistory, ...)",
        "redact": True,
    },
    "logs": {
        "model": "logs-2014-03-28.service.json.gz",
        "package": "dev.ecsemulator.core.logs.model",
        "title": "CloudWatch Logs",
        "about": "the entries (LogGroup, LogStream, OutputLogEvent, ...)",
        "redact": True,
    },
    "cloudwatch": {
        "model": "cloudwatch-2010-08-01.service.json.gz",
        "package": "dev.ecsemulator.core.cloudwatch.model",
        "title": "CloudWatch",
        "about": "the entries (MetricAlarm, Datapoint, MetricDataResult, ...)",
        "redact": True,
    },
    "application-autoscaling": {
        "model": "application-autoscaling-2016-02-06.service.json.gz",
        "package": "dev.ecsemulator.core.autoscaling.model",
        "title": "Application Auto Scaling",
        "about": "the entries (ScalableTarget, ScalingPolicy, ScalingActivity, ...)",
        "redact": True,
    },
    "elbv2": {
        "model": "elbv2-2015-12-01.service.json.gz",
        "package": "dev.ecsemulator.core.elbv2.model",
        "title": "Elastic Load Balancing v2",
        "about": "the resources (LoadBalancer, TargetGroup, Listener, Rule, TargetHealthDescription, ...)",
        "redact": True,
    },
}

SCALARS = {
    "string": "String",
    "integer": "Integer",
    "long": "Long",
    "boolean": "Boolean",
    "double": "Double",
    "timestamp": "Instant",
    "blob": "byte[]",
}

JAVA_KEYWORDS = {"abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
                 "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
                 "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
                 "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
                 "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
                 "volatile", "while", "record", "var", "yield"}

REDACTED = "*** Sensitive Data Redacted ***"


def component_name(member):
    """Lower camel case: SecretId -> secretId, ARN -> arn, KMSKeyId -> kmsKeyId; cluster stays cluster."""
    upper = 0
    while upper < len(member) and member[upper].isupper():
        upper += 1
    if upper == 0:
        name = member
    elif upper == len(member) or upper == 1:
        name = member[:upper].lower() + member[upper:]
    else:
        name = member[:upper - 1].lower() + member[upper - 1:]
    if name in JAVA_KEYWORDS:
        raise ValueError("member %s would be a Java keyword" % member)
    return name


def sensitive(shapes, name):
    """Whether the member's shape is, or directly holds, a sensitive value."""
    shape = shapes[name]
    if shape.get("sensitive"):
        return True
    if shape["type"] == "list":
        return shapes[shape["member"]["shape"]].get("sensitive", False)
    if shape["type"] == "map":
        return shapes[shape["value"]["shape"]].get("sensitive", False)
    return False


def java_type(shapes, name):
    shape = shapes[name]
    kind = shape["type"]
    if kind in SCALARS:
        return SCALARS[kind]
    if kind == "list":
        return "List<%s>" % java_type(shapes, shape["member"]["shape"])
    if kind == "map":
        return "Map<%s, %s>" % (java_type(shapes, shape["key"]["shape"]), java_type(shapes, shape["value"]["shape"]))
    if kind == "structure":
        return name
    raise ValueError(kind)


def copy_expr(jtype, var):
    if jtype.startswith("List<"):
        return "%s == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(%s))" % (var, var)
    if jtype.startswith("Map<"):
        return "%s == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(%s))" % (var, var)
    return None


def generate(service, shapes, name):
    # An event stream's error events (Logs' StartLiveTailResponseStream) are exceptions: not records, so left out.
    members = {m: spec for m, spec in shapes[name].get("members", {}).items()
               if not shapes[spec["shape"]].get("exception")}
    wire = {component_name(m): m for m in members}
    comps = [(component_name(m), java_type(shapes, spec["shape"])) for m, spec in members.items()]
    secret = [component_name(m) for m, spec in members.items()
              if service["redact"] and sensitive(shapes, spec["shape"])]
    required = shapes[name].get("required", [])
    uses_list = any(t.startswith("List<") or "List<" in t for _, t in comps)
    uses_map = any("Map<" in t for _, t in comps)
    uses_instant = any("Instant" in t for _, t in comps)
    renamed = any(c != wire[c] for c, _ in comps)
    imports = []
    if renamed:
        imports.append("import com.fasterxml.jackson.annotation.JsonProperty;")
    if uses_instant:
        imports.append("import java.time.Instant;")
    if uses_list:
        imports.append("import java.util.List;")
    if uses_map:
        imports.append("import java.util.Map;")
    lines = ["// Generated by tools/codegen/generate_model.py from the botocore %s model. Do not edit." % service["title"],
             "package %s;" % service["package"], ""]
    if imports:
        lines += imports + [""]
    doc = "/** %s shape {@code %s}." % (service["title"], name)
    if required:
        doc += " Required by the model: %s." % ", ".join("{@code %s}" % r for r in required)
    lines.append(doc + " */")
    if not comps:
        lines.append("public record %s() {" % name)
        lines.append("")
        lines.append("  public static %s empty() {" % name)
        lines.append("    return new %s();" % name)
        lines.append("  }")
        lines.append("}")
        return "\n".join(lines) + "\n"
    lines.append("public record %s(" % name)
    lines.append(",\n".join("    %s%s %s" % ('@JsonProperty("%s") ' % wire[m] if wire[m] != m else "", t, m)
                            for m, t in comps) + ") {")
    copies = [(m, copy_expr(t, m)) for m, t in comps if copy_expr(t, m)]
    if copies:
        lines.append("")
        lines.append("  public %s {" % name)
        for m, expr in copies:
            lines.append("    %s = %s;" % (m, expr))
        lines.append("  }")
    if secret:
        lines.append("")
        lines.append("  /** As the record's own, with %s redacted. */" % ", ".join("{@code %s}" % m for m in secret))
        lines.append("  @Override")
        lines.append("  public String toString() {")
        parts = []
        for i, (m, _) in enumerate(comps):
            value = '(%s == null ? null : "%s")' % (m, REDACTED) if m in secret else m
            parts.append('"%s%s=" + %s' % (name + "[" if i == 0 else ", ", m, value))
        lines.append("    return %s" % parts[0])
        lines += ["        + %s" % part for part in parts[1:]]
        lines[-1] += ' + "]";'
        lines.append("  }")
    lines.append("")
    lines.append("  public static Builder builder() {")
    lines.append("    return new Builder();")
    lines.append("  }")
    lines.append("")
    lines.append("  public Builder toBuilder() {")
    lines.append("    return new Builder(this);")
    lines.append("  }")
    lines.append("")
    lines.append("  /** A mutable builder; {@link #build} makes the immutable record. */")
    lines.append("  public static final class Builder {")
    for m, t in comps:
        lines.append("    private %s %s;" % (t, m))
    lines.append("")
    lines.append("    private Builder() {}")
    lines.append("")
    lines.append("    private Builder(%s from) {" % name)
    for m, _ in comps:
        lines.append("      this.%s = from.%s;" % (m, m))
    lines.append("    }")
    for m, t in comps:
        lines.append("")
        lines.append("    public Builder %s(%s %s) {" % (m, t, m))
        lines.append("      this.%s = %s;" % (m, m))
        lines.append("      return this;")
        lines.append("    }")
    lines.append("")
    lines.append("    public %s build() {" % name)
    lines.append("      return new %s(%s);" % (name, ", ".join(m for m, _ in comps)))
    lines.append("    }")
    lines.append("  }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def generate_service(key):
    service = SERVICES[key]
    out = SOURCES + service["package"].replace(".", "/")
    with gzip.open(MODELS + service["model"], "rt") as f:
        model = json.load(f)
    shapes = model["shapes"]
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(out)
    count = 0
    for name, shape in sorted(shapes.items()):
        if shape["type"] != "structure" or shape.get("exception"):
            continue
        with open(os.path.join(out, name + ".java"), "w") as f:
            f.write(generate(service, shapes, name))
        count += 1
    with open(os.path.join(out, "package-info.java"), "w") as f:
        f.write("""// Generated by tools/codegen/generate_model.py from the botocore %(title)s model. Do not edit.
/**
 * Every structure of the %(title)s API model (botocore 1.43.11) as an immutable record with a builder: the
 * request and response shapes, and %(about)s exactly as
 * the API carries them. Absent members are null. Enums are Strings holding the model's values.
 */
package %(package)s;
""" % service)
    print("generated %d records in %s" % (count, out))


def main():
    for key in sys.argv[1:] or SERVICES:
        generate_service(key)


if __name__ == "__main__":
    main()
