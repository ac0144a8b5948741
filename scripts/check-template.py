#!/usr/bin/env python3
"""Transforms template.yaml with the AWS SAM translator, as CloudFormation's Serverless transform would.

Local CodeUri paths become s3:// URIs first (what `sam package` does), then the translator runs with
the given parameters (default: the template's defaults) and every error it reports is printed.
Prints the number and types of the resources it makes; exits 1 on an error, 2 when the translator
or cfn-lint's YAML reader is not installed (callers skip then).

    python3 scripts/check-template.py [template.yaml] [--config-env default|prod] [Name=Value ...]

--config-env takes the parameters from samconfig.toml's [ENV.deploy.parameters] parameter_overrides
(as `sam deploy --config-env ENV` would) and checks that each names a template parameter.
"""
import json
import os
import shlex
import sys
from collections import Counter

try:
    from cfnlint.decode import decode
    from samtranslator.translator.transform import transform
    from samtranslator.model.exceptions import InvalidDocumentException
except ImportError as missing:
    print(f"SKIP: the SAM translator or cfn-lint is not installed ({missing})")
    sys.exit(2)


class NoManagedPolicies:
    """The translator asks IAM for managed policy ARNs only when a policy names one; this template names none."""

    def load(self):
        return {}


def main(argv):
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")  # ARNs and pseudo parameters need one; nothing is called
    path = argv[0] if argv and "=" not in argv[0] and not argv[0].startswith("--") else "template.yaml"
    parameters = {}
    if "--config-env" in argv:
        import tomllib
        env = argv[argv.index("--config-env") + 1]
        with open(os.path.join(os.path.dirname(os.path.abspath(path)), "samconfig.toml"), "rb") as config:
            overrides = tomllib.load(config)[env]["deploy"]["parameters"]["parameter_overrides"]
        parameters.update(pair.split("=", 1) for pair in shlex.split(overrides))
    parameters.update(a.split("=", 1) for a in argv if "=" in a and not a.startswith("--"))
    template, matches = decode(path)
    if matches:
        for match in matches:
            print(match)
        return 1
    unknown = sorted(set(parameters) - set(template.get("Parameters", {})))
    if unknown:
        print(f"ERROR: {unknown} are not parameters of {path}")
        return 1
    for resource_id, resource in template.get("Resources", {}).items():
        properties = resource.get("Properties", {})
        if resource.get("Type") == "AWS::Serverless::Function" and isinstance(properties.get("CodeUri"), str) \
                and not properties["CodeUri"].startswith("s3://"):
            properties["CodeUri"] = "s3://plp-check/" + properties["CodeUri"].rsplit("/", 1)[-1]
    try:
        output = transform(template, parameters, NoManagedPolicies())
    except InvalidDocumentException as invalid:
        for cause in invalid.causes:
            print(f"ERROR: {cause.message}")
        return 1
    # Without OpenApiVersion, SAM's deployment also creates a stage named "Stage" (no throttling, no WAF).
    extra_stages = [i for i, r in output["Resources"].items()
                    if r["Type"] == "AWS::ApiGateway::Deployment" and "StageName" in r.get("Properties", {})]
    if extra_stages:
        print(f"ERROR: {extra_stages} create an extra stage named Stage: set Globals.Api.OpenApiVersion")
        return 1
    types = Counter(r["Type"] for r in output["Resources"].values())
    print(f"OK: {sum(types.values())} resources " + json.dumps(dict(sorted(types.items()))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
