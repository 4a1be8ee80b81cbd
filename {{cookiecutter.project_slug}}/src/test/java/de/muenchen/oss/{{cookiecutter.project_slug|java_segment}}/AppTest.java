package de.muenchen.oss.{{ cookiecutter.project_slug | java_segment }};

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AppTest {

    @Test
    void greets() {
        assertEquals("Hello, Munich!", App.greet("Munich"));
    }
}
