"""`make serve`: a bad save is reported with file:line and the last good pages stay; no double builds."""

from __future__ import annotations

import gc
import logging
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import serve_hook
from generator.build import generate

ROOT = Path(__file__).resolve().parent.parent


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def served(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(serve_hook, "ROOT", project)
    generate(project)
    return project


def test_invalid_save_logs_file_line_and_keeps_the_pages(served: Path, caplog: pytest.LogCaptureFixture) -> None:
    before = snapshot(served / "build" / "docs")
    family = served / "data/families/gemma-4.yaml"
    family.write_text(family.read_text(encoding="utf-8").replace("name: Gemma 4\n", "nme: Gemma 4\n"), "utf-8")
    with caplog.at_level(logging.INFO, logger="mkdocs.generator"):
        serve_hook.on_pre_build(config=None)
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert any(e.startswith("data/families/gemma-4.yaml:4:1: unknown field 'nme'") for e in errors), errors
    assert "still serving the last good pages" in errors[-1]
    assert snapshot(served / "build" / "docs") == before
    assert gc.get_freeze_count() == 0  # what the hook set aside from garbage collection is given back


def test_a_broken_template_is_reported_not_raised(
    served: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(root: Path, **_: Any) -> Any:
        raise RuntimeError("template exploded")

    monkeypatch.setattr("generator.build.generate", broken)
    with caplog.at_level(logging.ERROR, logger="mkdocs.generator"):
        serve_hook.on_pre_build(config=None)
    assert "RuntimeError: template exploded" in caplog.text


def test_a_good_save_regenerates_only_what_changed(served: Path, caplog: pytest.LogCaptureFixture) -> None:
    family = served / "data/families/gemma-4.yaml"
    text = family.read_text(encoding="utf-8").replace("efficiency]", "efficiency, speed]")
    family.write_text(text.replace('Edge/on-device, efficiency"', 'Edge/on-device, efficiency, speed"'), "utf-8")
    with caplog.at_level(logging.INFO, logger="mkdocs.generator"):
        serve_hook.on_pre_build(config=None)
    (message,) = [r.getMessage() for r in caplog.records if r.getMessage().startswith("generator:")]
    written = int(message.split()[1])
    assert 0 < written < len(snapshot(served / "build" / "docs")) // 2, message
    assert gc.get_freeze_count() == 0


def test_a_save_that_changes_nothing_renders_nothing_and_keeps_serving(
    served: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Saving a file again without a change (or MkDocs seeing one save twice) finds the generated pages
    current: the rebuild reports that, it does not fail (a failed rebuild leaves the preview stuck)."""
    with caplog.at_level(logging.INFO, logger="mkdocs.generator"):
        serve_hook.on_pre_build(config=None)
        caplog.clear()
        serve_hook.on_pre_build(config=None)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text
    (message,) = [r.getMessage() for r in caplog.records if r.getMessage().startswith("generator:")]
    assert message.startswith("generator: 0 written,") and "; 0 page(s) rendered" in message, message


def test_the_generated_folder_is_not_watched() -> None:
    class Server:
        unwatched: list[str] = []
        observer = None

        def unwatch(self, path: str) -> None:
            self.unwatched.append(path)

    class Config:
        docs_dir = str(ROOT / "build" / "docs")

    server = Server()
    assert serve_hook.on_serve(server, config=Config()) is server
    assert server.unwatched == [Config.docs_dir]


def test_the_watched_paths_are_polled_ten_times_a_second(tmp_path: Path) -> None:
    """MkDocs polls every 0.5 s; the paths of `watch:`, scheduled after on_serve, are polled every 0.1 s,
    and a rebuild starts when a poll finds a change, not 0.1 s later."""
    from mkdocs.livereload import LiveReloadServer

    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))

    class Config:
        docs_dir = str(tmp_path / "docs")

    serve_hook.on_serve(server, config=Config())
    server.watch(str(tmp_path))
    (emitter,) = server.observer.emitters
    assert emitter.timeout == serve_hook.POLL_SECONDS == 0.1
    assert server.build_delay == serve_hook.BUILD_DELAY_SECONDS == 0


def test_serve_config_is_not_strict_but_the_published_one_is() -> None:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # !ENV, !!python/name: values unused
    serve = yaml.load((ROOT / "mkdocs.serve.yml").read_text(encoding="utf-8"), Loader=Loader)
    site = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    assert serve["strict"] is False and site["strict"] is True
    # The preview is served at the root of the address MkDocs prints, not under the deployment's path.
    assert serve["site_url"] == ""
    # The published build has its own hooks (overrides/hooks/memory.py), but never the serve hook.
    assert "generator/serve_hook.py" in serve["hooks"] and "generator/serve_hook.py" not in site.get("hooks", [])


def test_a_rebuild_loads_the_theme_s_templates_compiled_by_the_one_before() -> None:
    """MkDocs makes a new Jinja environment for every rebuild: the hook hands each the templates the
    last one compiled, and an edited template is compiled afresh."""
    import jinja2

    def rebuild(source: str) -> jinja2.Environment:
        env = serve_hook.on_env(jinja2.Environment(loader=jinja2.DictLoader({"page.html": source})), config=None)
        assert isinstance(env, jinja2.Environment)
        return env

    first = rebuild("{{ 6 * 7 }} v1")
    assert first.get_template("page.html").render() == "42 v1"
    second = rebuild("{{ 6 * 7 }} v1")

    def never(*_: object, **__: object) -> None:
        raise AssertionError("compiled again")

    second.compile = never  # type: ignore[method-assign]
    assert second.get_template("page.html").render() == "42 v1"
    assert rebuild("{{ 6 * 7 }} v2").get_template("page.html").render() == "42 v2"
