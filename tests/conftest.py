"""Shared fixtures (the seed pages, their gold labels and the State Council corpus, all inside the repo) and
the ``slow`` marker of the quick subset.

``python -m pytest -q -m "not slow"`` is the subset a contributor runs while working (under 90 s on two
cores); ``python -m pytest -q`` runs everything, as CI does. Slow are: the browser (headless Chromium), the
notebooks' kernels, Dask clusters, and the tests that take seconds because they run a corpus, a property
search, a process pool or spaCy. Files and tests are named in :data:`SLOW_FILES` and :data:`SLOW_TESTS`
(measured with ``--durations``; a test of another file may also carry ``@pytest.mark.slow`` itself).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = FIXTURES / "seeds"
GWR = ROOT / "corpora" / "gwr" / "government_work_reports.jsonl"


#: Test files that are slow as a whole: browser, Dask clusters.
SLOW_FILES = {"test_report_browser.py", "test_dask.py"}

#: Slow tests, by file and test function (every parameter of it), with what makes them slow.
SLOW_TESTS = {
    # property searches (hypothesis) over long generated texts
    "test_mojibake.py": {"test_never_raises_offsets_valid"},
    "test_metrics.py": {"test_never_raises_and_offsets_slice"},
    "test_properties.py": {
        "test_edits_replay_to_the_output",
        "test_clean_never_raises_and_offsets_are_valid",
        "test_clean_is_idempotent_on_its_own_output",
    },
    "test_script.py": {"test_property_equals_clause_by_clause"},
    # corpus-wide: the State Council corpus, every seed in every encoding, labelled sets
    "test_structure.py": {
        "test_cluster_toy_corpus_by_template",
        "test_resolutions_form_their_own_cluster",
        "test_cluster_command_reads_analyse_output",
        "test_state_council_reports_cluster_by_era",
        "test_cluster_command_on_the_seeds",
        "test_transformer_in_a_pipeline",
        "test_state_council_reports_fall_into_periods",
        "test_similar_command",
        "test_clustering_is_deterministic_and_checks_k",
        "test_periods_and_cluster_plots_from_the_command_line",
    },
    "test_encodings.py": {"test_seed_in_other_encoding_gives_identical_output"},
    "test_placeholders.py": {"test_overall_scores"},
    # template families at scale and their command end to end
    "test_templates.py": {
        "test_lsh_misses_no_pair_the_exhaustive_comparison_finds",
        "test_same_report_from_two_sites_is_one_family",
        "test_cli_writes_families_and_singletons",
        "test_cli_no_clean_on_clean_output",
        "test_cli_output_does_not_depend_on_input_order",
        "test_cli_bad_input_is_reported_and_the_rest_written",
    },
    # process pools, console scripts, spaCy pipelines
    "test_cli.py": {
        "test_same_input_same_output_any_jobs",
        "test_parquet_and_txt_dir_outputs",
        "test_console_script_runs",
        "test_jsonl_output_fields",
        "test_bad_inputs_reported_others_processed",
    },
    "test_analyse.py": {
        "test_cli_parallel_output_is_byte_identical",
        "test_cli_no_clean_on_clean_output_gives_the_same_spans",
        "test_rjieba_backend_matches_jieba_without_hmm",
        "test_load_pipeline_components",
        "test_cli_analyse_jsonl",
    },
    "test_readers.py": {
        "test_every_command_reads_every_format_and_keeps_fields",
        "test_dask_engine_reads_every_format_as_the_local_engine_does",
    },
    "test_readers_formats.py": {
        "test_no_clean_reads_an_html_page_as_its_text_in_every_command",
        "test_no_clean_html_is_the_same_on_every_executor",
        "test_parquet_output_is_the_same_bytes_on_every_executor",
    },
    "test_executors.py": {
        "test_same_bytes_any_executor_and_partition_size",
        "test_run_clean_api_any_jobs",
        "test_cli_jobs_and_txt_dir_and_parts",
        "test_every_reading_command_takes_the_shared_options",
    },
    "structure.py": {"reportnlp.corpus.structure.cluster_documents"},  # a doctest that clusters
    "test_report.py": {
        "test_same_input_same_bytes_any_jobs",
        "test_page_size_grows_sublinearly_in_repeated_text",
        "test_bad_input_named_others_reported",
        "test_library_and_cli_agree",
    },
}


def pytest_collection_modifyitems(config, items):
    """Mark the tests named above ``slow`` (see the module docstring)."""
    for item in items:
        name = item.path.name
        test = getattr(item, "originalname", item.name)
        if name in SLOW_FILES or test in SLOW_TESTS.get(name, ()):
            item.add_marker(pytest.mark.slow)


def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def gold() -> dict[str, dict]:
    with open(FIXTURES / "gold" / "seeds.jsonl", encoding="utf-8") as fh:
        return {rec["doc"]: rec for rec in map(json.loads, fh)}


@pytest.fixture(scope="session")
def gwr_records() -> list[dict]:
    with open(GWR, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def case_params(cases: list[dict]) -> list:
    """pytest params for JSON cases: ``known_failure`` cases are strict xfails with their note as reason."""
    return [
        pytest.param(
            c,
            id=c["note"][:40],
            marks=[pytest.mark.xfail(strict=True, reason=c["note"])]
            if c["kind"] == "known_failure"
            else [],
        )
        for c in cases
    ]
