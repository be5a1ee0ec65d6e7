package com.kingstonexpress.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps {@code docs/rules.md} true: each service's section there is generated from its rule enum, and a test fails
 * when the two differ. Run the test with {@code -Dkx.docs.write=true} to write the section from the code.
 */
public final class RuleCatalogue {

    private static final Path DOCUMENT = Path.of("..", "docs", "rules.md");

    private RuleCatalogue() {
    }

    /**
     * @param section the section's name in the document, e.g. {@code order-service}
     * @param header  the table's header row, e.g. {@code | rule id | next step for the seller |}
     * @param rows    rule id to the other cells of its row, in the enum's order
     */
    public static void verify(String section, String header, Map<String, List<String>> rows) {
        StringBuilder table = new StringBuilder(header).append('\n')
                .append(header.replaceAll("[^|]+", "---")).append('\n');
        rows.forEach((id, cells) -> {
            table.append("| `").append(id).append('`');
            cells.forEach(cell -> table.append(" | ").append(cell.replace("|", "\\|")));
            table.append(" |\n");
        });
        String begin = "<!-- generated:" + section + " -->\n";
        String end = "<!-- /generated:" + section + " -->";
        try {
            String document = Files.readString(DOCUMENT);
            Matcher m = Pattern.compile(Pattern.quote(begin) + "(.*?)" + Pattern.quote(end), Pattern.DOTALL).matcher(document);
            if (!m.find()) {
                throw new AssertionError(DOCUMENT + " has no section " + begin.trim() + " ... " + end);
            }
            if (Boolean.getBoolean("kx.docs.write")) {
                Files.writeString(DOCUMENT, document.substring(0, m.start(1)) + table + document.substring(m.end(1)));
                return;
            }
            assertEquals(table.toString(), m.group(1), "docs/rules.md is out of date for " + section
                    + "; run this test with -Dkx.docs.write=true and commit the result");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An insertion-ordered map, so rows keep the enum's order. */
    public static Map<String, List<String>> rows() {
        return new LinkedHashMap<>();
    }
}
