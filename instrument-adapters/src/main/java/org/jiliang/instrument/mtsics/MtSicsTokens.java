package org.jiliang.instrument.mtsics;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one MT-SICS line into fields: runs of spaces separate fields, double quotes enclose a text
 * field that may itself contain spaces. Column positions are never used because devices pad weight
 * values differently (protocols.md 4.1).
 */
final class MtSicsTokens {

    /** One field; {@code text} is without its quotes when {@code quoted}. */
    record Token(String text, boolean quoted) {
        String wire() {
            return quoted ? '"' + text + '"' : text;
        }
    }

    static final class UnterminatedQuoteException extends Exception {
        UnterminatedQuoteException() {
            super("a quoted text is not closed", null, false, false);
        }
    }

    private MtSicsTokens() {
    }

    /** @param line printable ASCII without terminator */
    static List<Token> split(String line) throws UnterminatedQuoteException {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            if (line.charAt(i) == ' ') {
                i++;
            } else if (line.charAt(i) == '"') {
                int close = line.indexOf('"', i + 1);
                if (close < 0) {
                    throw new UnterminatedQuoteException();
                }
                tokens.add(new Token(line.substring(i + 1, close), true));
                i = close + 1;
            } else {
                int end = i;
                while (end < n && line.charAt(end) != ' ') {
                    end++;
                }
                tokens.add(new Token(line.substring(i, end), false));
                i = end;
            }
        }
        return tokens;
    }
}
