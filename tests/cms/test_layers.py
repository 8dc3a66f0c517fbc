"""The layers of pyproject.toml's import-linter contract, where import-linter
cannot look: model relations, page-type rules, migration dependencies and
"app.Model" strings. Each must point down a layer, or stay in its own."""

import ast
import re
import tomllib
from pathlib import Path

import pytest
from django.apps import apps
from django.db.migrations.loader import MigrationLoader
from wagtail.models import get_page_models

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
LAYER = {
    app.strip(): depth
    for depth, layer in enumerate(CONTRACT["contracts"][0]["layers"])
    for app in layer.split("|")
}
MODEL_LABEL = re.compile(r"^(\w+)\.(\w+)$")


def upward(from_app, to_app):
    """Whether `from_app` reaching `to_app` points up a layer. Apps outside
    the contract (Django's, Wagtail's) are below every one of ours."""
    return from_app in LAYER and to_app in LAYER and LAYER[to_app] < LAYER[from_app]


def test_every_app_of_the_project_is_in_the_contract():
    ours = {
        config.name
        for config in apps.get_app_configs()
        if Path(config.path).parent == ROOT
    }
    assert ours == set(CONTRACT["root_packages"]) == set(LAYER)


def test_model_relations_point_down():
    wrong = [
        f"{model._meta.label}.{field.name} → {field.related_model._meta.label}"
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if field.is_relation
        and not field.auto_created
        and field.related_model is not None
        and upward(model._meta.app_label, field.related_model._meta.app_label)
    ]
    assert wrong == []


def test_page_types_name_only_parents_and_children_below_them():
    """A page type may list what goes under it; one below the home page
    does not name the home page as its parent (the home page lists it)."""
    wrong = [
        f"{model._meta.label}.{rule} → {label}"
        for model in get_page_models()
        for rule in ("parent_page_types", "subpage_types")
        for label in getattr(model, rule, None) or []
        if isinstance(label, str)
        and upward(model._meta.app_label, label.partition(".")[0].lower())
    ]
    assert wrong == []


def test_migrations_depend_only_on_their_own_layer_and_below():
    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    wrong = [
        f"{app}.{name} → {dep_app}.{dep_name}"
        for (app, name), migration in graph.nodes.items()
        for dep_app, dep_name in migration.dependencies
        if upward(app, dep_app)
    ]
    assert wrong == []


def string_constants(path):
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value


@pytest.mark.parametrize("app", sorted(LAYER))
def test_no_model_is_named_up_a_layer_in_a_string(app):
    """ "blog.ArticlePage" in vignettes/ would be a dependency import-linter
    cannot see; so would "blog.articlepage" in a migration."""
    wrong = []
    for path in sorted((ROOT / app).rglob("*.py")):
        for line, text in string_constants(path):
            match = MODEL_LABEL.match(text)
            if not match or not upward(app, match[1]):
                continue
            try:
                apps.get_model(match[1], match[2])
            except LookupError:
                continue  # "base.html" and the like: not a model
            wrong.append(f"{path.relative_to(ROOT)}:{line}: {text!r}")
    assert wrong == []


@pytest.mark.parametrize("app", sorted(LAYER))
def test_no_import_hides_inside_a_function(app):
    """An import inside a function is how a cycle is dodged. The only ones
    allowed are in an AppConfig's ready(), where Django asks for them."""
    wrong = []
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(), str(path))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            if path.name == "apps.py" and function.name == "ready":
                continue
            wrong += [
                f"{path.relative_to(ROOT)}:{node.lineno}"
                for node in ast.walk(function)
                if isinstance(node, ast.Import | ast.ImportFrom)
            ]
    assert wrong == []
