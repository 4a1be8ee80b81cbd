package de.muenchen.oss.{{ cookiecutter.project_slug | java_segment }};

/** The project's entry point. Replace this example with your own code. */
public final class App {

    private App() {
    }

    /** Return a friendly greeting. */
    public static String greet(final String name) {
        return "Hello, " + name + "!";
    }
}
