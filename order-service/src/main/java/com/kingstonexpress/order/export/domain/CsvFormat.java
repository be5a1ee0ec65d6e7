package com.kingstonexpress.order.export.domain;

import java.util.List;

/**
 * One CSV line (RFC 4180): fields with a comma, quote or line break are quoted, quotes doubled. Text that
 * a spreadsheet would run as a formula (starting with {@code = + - @}, tab or carriage return) is
 * prefixed with an apostrophe: customer-typed fields (names, cities) must not execute in the seller's
 * spreadsheet (OWASP "CSV injection").
 */
public final class CsvFormat {

    private CsvFormat() {
    }

    public static String line(List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        return out.append("\r\n").toString();
    }

    public static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = value;
        char first = v.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
