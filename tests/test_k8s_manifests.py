"""deploy/k8s/: every manifest validates against the Kubernetes schemas (offline, through
kubernetes-validate's bundled schemas, strict: an unknown or misspelt field fails), and the pieces
fit together: names referenced exist, probes and settings are the service's own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from service.config import Settings

kubernetes_validate = pytest.importorskip("kubernetes_validate")

K8S = Path(__file__).resolve().parent.parent / "deploy" / "k8s"
KUBERNETES_VERSION = "1.30.0"  # the oldest release still supported by the big clouds
# Every BRIEF_ name in the manifests must be a setting of this service (a typo would otherwise be
# silently ignored).


def _documents() -> list[tuple[str, dict[str, Any]]]:
    docs = []
    for path in sorted(K8S.glob("*.yaml")):
        for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            if doc is not None:
                docs.append((f"{path.name}:{doc['kind']}/{doc['metadata']['name']}", doc))
    return docs


DOCS = _documents()


def _one(kind: str, name: str) -> dict[str, Any]:
    found = [d for _, d in DOCS if d["kind"] == kind and d["metadata"]["name"] == name]
    assert len(found) == 1, (kind, name)
    return found[0]


@pytest.mark.parametrize(("where", "doc"), DOCS, ids=[w for w, _ in DOCS])
def test_manifest_validates_against_the_kubernetes_schema(where: str, doc: dict[str, Any]) -> None:
    kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)


def test_every_required_kind_is_there() -> None:
    kinds = sorted({d["kind"] for _, d in DOCS})
    assert kinds == [
        "ConfigMap",
        "Deployment",
        "HorizontalPodAutoscaler",
        "PersistentVolumeClaim",
        "PodDisruptionBudget",
        "Secret",
        "Service",
    ]


def test_api_deployment_probes_security_and_volumes() -> None:
    pod = _one("Deployment", "supplybrief")["spec"]["template"]["spec"]
    (api,) = pod["containers"]
    assert api["readinessProbe"]["httpGet"]["path"] == "/readyz?require=translation"
    assert api["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["securityContext"]["runAsUser"] == 10001  # the Dockerfile's user
    assert api["securityContext"]["readOnlyRootFilesystem"] is True
    assert api["securityContext"]["allowPrivilegeEscalation"] is False
    assert api["resources"]["requests"]["memory"] and api["resources"]["limits"]["memory"]
    mounts = {m["name"]: m for m in api["volumeMounts"]}
    volumes = {v["name"]: v for v in pod["volumes"]}
    assert mounts["model"]["readOnly"] is True
    assert volumes["model"]["persistentVolumeClaim"]["readOnly"] is True
    claim = _one("PersistentVolumeClaim", volumes["model"]["persistentVolumeClaim"]["claimName"])
    assert claim["spec"]["accessModes"] == ["ReadOnlyMany"]
    settings = _one("ConfigMap", api["envFrom"][0]["configMapRef"]["name"])["data"]
    assert settings["BRIEF_MODEL_DIR"] == mounts["model"]["mountPath"]
    keys_file = Path(settings["BRIEF_API_KEYS_FILE"])
    assert str(keys_file.parent) == mounts["api-keys"]["mountPath"]
    secret = _one("Secret", volumes["api-keys"]["secret"]["secretName"])
    assert keys_file.name in secret["stringData"]
    for env in api["env"]:
        ref = env["valueFrom"]["secretKeyRef"]
        assert ref["key"] in _one("Secret", ref["name"])["stringData"]


def test_settings_are_the_services_own() -> None:
    known = {f"BRIEF_{name.upper()}" for name in Settings.model_fields}
    pod = _one("Deployment", "supplybrief")["spec"]["template"]["spec"]
    names = set(_one("ConfigMap", "supplybrief-settings")["data"])
    names |= {e["name"] for e in pod["containers"][0]["env"]}
    assert names - known == set()
    Settings(
        **{k[6:].lower(): v for k, v in _one("ConfigMap", "supplybrief-settings")["data"].items()}
    )


def test_service_hpa_and_budget_point_at_the_api_pods() -> None:
    deployment = _one("Deployment", "supplybrief")
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    port = deployment["spec"]["template"]["spec"]["containers"][0]["ports"][0]["name"]
    service = _one("Service", "supplybrief")
    assert service["spec"]["selector"].items() <= labels.items()
    assert service["spec"]["ports"][0]["targetPort"] == port
    budget = _one("PodDisruptionBudget", "supplybrief")["spec"]["selector"]["matchLabels"]
    assert budget.items() <= labels.items()
    hpa = _one("HorizontalPodAutoscaler", "supplybrief")["spec"]
    assert hpa["scaleTargetRef"] == {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "name": "supplybrief",
    }
    (metric,) = hpa["metrics"]
    assert metric["resource"]["name"] == "cpu" and hpa["minReplicas"] >= 2
    redis = _one("Service", "supplybrief-redis")
    secret = _one("Secret", "supplybrief-secrets")["stringData"]
    assert (
        secret["BRIEF_REDIS_URL"]
        == f"redis://supplybrief-redis:{redis['spec']['ports'][0]['port']}/0"
    )


def test_a_misspelt_field_fails_validation() -> None:
    # The check that the validation above is worth something: strict mode refuses what
    # `kubectl apply` would reject (or, worse, silently drop).
    doc = yaml.safe_load((K8S / "deployment.yaml").read_text(encoding="utf-8"))
    doc["spec"]["template"]["spec"]["containers"][0]["readinessProbe"]["httpGet"]["paht"] = "/"
    with pytest.raises(kubernetes_validate.ValidationError, match="'paht' was unexpected"):
        kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)
