from {{ cookiecutter.project_slug | python_module }} import greet


def test_greet() -> None:
    assert greet("Munich") == "Hello, Munich!"
