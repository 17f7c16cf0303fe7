"""Pipeline of the ${{ values.title or values.name }} data product.

Builds the dbt model, runs its tests (the contract's quality rules), and pushes the results
to the data mesh portal, whose SLOs tab shows them.
"""

import json
import os
import urllib.request
from datetime import datetime, timedelta, timezone

from airflow import DAG
from airflow.operators.bash import BashOperator
from airflow.operators.python import PythonOperator

PRODUCT = "component:default/${{ values.name }}"
MODEL = "${{ values.objectName }}"
DBT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "dbt")
PORTAL_URL = os.environ.get("DATA_MESH_PORTAL_URL", "http://localhost:7007")
# A static token the portal accepts (backend.auth.externalAccess in app-config.yaml).
PORTAL_TOKEN = os.environ.get("DATA_MESH_PORTAL_TOKEN", "")

# dbt test name -> the contract quality metric it checks
METRICS = {"not_null": "nullValues", "unique": "duplicateValues"}


def report_results(**context):
    """Sends the dbt test results to POST /api/data-mesh/results."""
    with open(os.path.join(DBT_DIR, "target", "run_results.json"), encoding="utf-8") as f:
        run = json.load(f)
    observations = []
    for result in run.get("results", []):
        node = result.get("unique_id", "")
        if not node.startswith("test."):
            continue
        # test.<project>.<test>_<model>_<column>.<hash>
        name = node.split(".")[2]
        for test, metric in METRICS.items():
            prefix = f"{test}_{MODEL}_"
            if name.startswith(prefix):
                column = name[len(prefix):]
                observations.append(
                    {
                        "sloId": f"quality:{MODEL}.{column}:{metric}",
                        "status": "pass" if result.get("status") == "pass" else "fail",
                        "value": result.get("failures") or 0,
                        "message": result.get("message") or None,
                    }
                )
    body = {
        "runId": context["run_id"],
        "entityRef": PRODUCT,
        "server": "${{ values.outputPort.name }}",
        "finishedAt": datetime.now(timezone.utc).isoformat(),
        "observations": observations,
    }
    request = urllib.request.Request(
        f"{PORTAL_URL}/api/data-mesh/results",
        data=json.dumps(body).encode("utf-8"),
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {PORTAL_TOKEN}"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        print(response.read().decode("utf-8"))


with DAG(
    dag_id=MODEL,
    description="${{ values.title or values.name }} (${{ values.productKind }} data product)",
    schedule="${{ values.schedule or '@daily' }}",
    start_date=datetime(2024, 1, 1),
    catchup=False,
    tags=["data-product", "${{ values.domain }}"],
    default_args={
        "owner": "${{ values.owner }}",
        "retries": 2,
        "retry_delay": timedelta(minutes=5),
    },
) as dag:
    build = BashOperator(
        task_id="dbt_run",
        bash_command=f"dbt run --project-dir {DBT_DIR} --select {MODEL}",
    )
    test = BashOperator(
        task_id="dbt_test",
        bash_command=f"dbt test --project-dir {DBT_DIR} --select {MODEL}",
    )
    report = PythonOperator(
        task_id="report_results",
        python_callable=report_results,
        trigger_rule="all_done",
    )
    build >> test >> report
