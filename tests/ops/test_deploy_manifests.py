"""compose.yaml and deploy/kubernetes/ validate against their schemas and keep what production needs:
probes on the real endpoints, a non-root numeric user (the image's), the pepper from a secret, the
migration as its own one-shot step, and only settings that SafeSteps actually reads."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jsonschema
import kubernetes_validate
import pytest
import yaml
from check_jsonschema.builtin_schemas import get_builtin_schema
from typer.testing import CliRunner

from app.cli import app as cli
from app.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
KUBERNETES = ROOT / "deploy" / "kubernetes"
KUBERNETES_VERSION = "1.30.0"  # the oldest version still in wide use that these must work on
MANIFESTS = sorted(p for p in KUBERNETES.glob("*.yaml") if p.name != "kustomization.yaml")
SETTING_NAMES = {f"SAFESTEPS_{name.upper()}" for name in Settings.model_fields}
IMAGE_USER = re.search(r"^USER (\d+):(\d+)$", (ROOT / "Dockerfile").read_text("utf-8"), re.M)


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text("utf-8"))
    return data


def kinds() -> dict[str, dict[str, Any]]:
    return {load(p)["kind"]: load(p) for p in MANIFESTS}


def env_names(container: dict[str, Any]) -> set[str]:
    return {entry["name"] for entry in container.get("env", [])}


def pod(kind: str) -> dict[str, Any]:
    spec: dict[str, Any] = kinds()[kind]["spec"]["template"]["spec"]
    return spec


@pytest.mark.parametrize("manifest", MANIFESTS, ids=lambda p: p.name)
def test_manifest_is_valid_kubernetes_with_no_unknown_fields(manifest: Path) -> None:
    for version in (KUBERNETES_VERSION, kubernetes_validate.latest_version()):
        kubernetes_validate.validate(load(manifest), version, strict=True)


def test_kustomization_lists_every_manifest() -> None:
    kustomization = load(KUBERNETES / "kustomization.yaml")
    assert sorted(kustomization["resources"]) == [p.name for p in MANIFESTS]


def test_probes_use_healthz_for_liveness_and_readyz_for_readiness() -> None:
    (container,) = pod("Deployment")["containers"]
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert container["startupProbe"]["httpGet"]["path"] == "/healthz"
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"


@pytest.mark.parametrize("kind", ["Deployment", "Job"])
def test_pods_run_as_the_image_user_never_root_and_read_secrets_from_a_secret(kind: str) -> None:
    assert IMAGE_USER is not None
    spec = pod(kind)
    assert spec["securityContext"]["runAsNonRoot"] is True
    assert spec["securityContext"]["runAsUser"] == int(IMAGE_USER[1])
    assert spec["securityContext"]["runAsGroup"] == int(IMAGE_USER[2])
    for container in spec["containers"]:
        assert container["securityContext"]["allowPrivilegeEscalation"] is False
        assert container["securityContext"]["readOnlyRootFilesystem"] is True
        secrets = {
            e["name"]: e["valueFrom"]["secretKeyRef"]
            for e in container["env"]
            if "secretKeyRef" in e.get("valueFrom", {})
        }
        assert {"SAFESTEPS_KEY_PEPPER", "SAFESTEPS_HISTORY_SECRET", "SAFESTEPS_DATABASE_URL"} <= set(secrets)
        assert all("value" not in e for e in container["env"])  # no literal secret in a manifest


def test_migration_is_a_job_and_the_replicas_do_not_migrate() -> None:
    (job,) = pod("Job")["containers"]
    (api,) = pod("Deployment")["containers"]
    assert job["command"] == ["safesteps", "migrate"]
    assert runner_exit("migrate", "--help") == 0  # the command exists
    assert job["image"] == api["image"]
    assert kinds()["ConfigMap"]["data"]["SAFESTEPS_AUTO_MIGRATE"] == "false"
    assert pod("Job")["restartPolicy"] == "Never"


def runner_exit(*args: str) -> int:
    return CliRunner().invoke(cli, list(args)).exit_code


def test_service_selects_the_api_pods_only() -> None:
    selector = kinds()["Service"]["spec"]["selector"]
    api_labels = kinds()["Deployment"]["spec"]["template"]["metadata"]["labels"]
    job_labels = kinds()["Job"]["spec"]["template"]["metadata"]["labels"]
    assert selector.items() <= api_labels.items()
    assert not selector.items() <= job_labels.items()


def compose() -> dict[str, Any]:
    return load(ROOT / "compose.yaml")


def test_compose_file_is_valid_against_the_compose_specification() -> None:
    schema = get_builtin_schema("vendor.compose-spec")
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(compose())]
    assert errors == []


def test_compose_migrates_once_before_the_service_and_needs_the_pepper() -> None:
    services = compose()["services"]
    assert services["migrate"]["command"] == ["safesteps", "migrate"]
    assert services["migrate"]["depends_on"] == {"postgres": {"condition": "service_healthy"}}
    assert services["safesteps"]["depends_on"] == {"migrate": {"condition": "service_completed_successfully"}}
    env = services["safesteps"]["environment"]
    assert env["SAFESTEPS_AUTO_MIGRATE"] == "false"
    assert env["SAFESTEPS_ENVIRONMENT"] == "production"
    # `${VAR:?message}`: compose refuses to start without it rather than run with no pepper.
    assert re.fullmatch(r"\$\{SAFESTEPS_KEY_PEPPER:\?[^}]+\}", env["SAFESTEPS_KEY_PEPPER"])
    assert re.fullmatch(r"\$\{SAFESTEPS_HISTORY_SECRET:\?[^}]+\}", env["SAFESTEPS_HISTORY_SECRET"])
    assert services["safesteps"]["image"] == services["migrate"]["image"]


def test_every_setting_named_in_a_deployment_file_is_one_safesteps_reads() -> None:
    named: set[str] = set()
    for service in compose()["services"].values():
        named |= {k for k in service.get("environment", {}) if k.startswith("SAFESTEPS_")}
    named |= set(kinds()["ConfigMap"]["data"])
    for kind in ("Deployment", "Job"):
        for container in pod(kind)["containers"]:
            named |= env_names(container)
    assert named - SETTING_NAMES == set(), "a misspelt setting is silently ignored"


def test_metrics_are_scraped_on_their_own_port_which_the_service_does_not_expose() -> None:
    port = int(kinds()["ConfigMap"]["data"]["SAFESTEPS_METRICS_PORT"])
    (container,) = pod("Deployment")["containers"]
    assert {"name": "metrics", "containerPort": port} in container["ports"]
    annotations = kinds()["Deployment"]["spec"]["template"]["metadata"]["annotations"]
    assert annotations["prometheus.io/port"] == str(port)
    assert [p["targetPort"] for p in kinds()["Service"]["spec"]["ports"]] == ["http"]
