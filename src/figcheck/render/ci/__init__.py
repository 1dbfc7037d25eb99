"""CI formats: GitHub annotations, GitLab code quality, JUnit and SARIF."""
