package io.bacalao.domain.selector;

import java.util.ArrayList;
import java.util.List;

/** Recursive-descent parser for Kubernetes label-selector text. Errors name the position and what was expected. */
final class SelectorParser {
    private final String text;
    private int pos;

    SelectorParser(String text) {
        this.text = text;
    }

    List<Requirement> parse() {
        List<Requirement> out = new ArrayList<>();
        skipSpace();
        if (atEnd()) return out;
        while (true) {
            out.add(requirement());
            skipSpace();
            if (atEnd()) return out;
            expect(',');
        }
    }

    private Requirement requirement() {
        skipSpace();
        if (peek('!')) {
            pos++;
            skipSpace();
            return build(identifier("key"), Operator.DOES_NOT_EXIST, List.of());
        }
        String key = identifier("key");
        skipSpace();
        if (atEnd() || peek(',')) return build(key, Operator.EXISTS, List.of());
        if (text.startsWith("==", pos)) return value(key, Operator.DOUBLE_EQUALS, 2);
        if (text.startsWith("!=", pos)) return value(key, Operator.NOT_EQUALS, 2);
        if (peek('=')) return value(key, Operator.EQUALS, 1);
        if (peek('>')) return value(key, Operator.GREATER_THAN, 1);
        if (peek('<')) return value(key, Operator.LESS_THAN, 1);
        String word = identifier("operator");
        Operator op = switch (word.toLowerCase()) {
            case "in" -> Operator.IN;
            case "notin" -> Operator.NOT_IN;
            case "gt" -> Operator.GREATER_THAN;
            case "lt" -> Operator.LESS_THAN;
            default -> throw error("unknown operator '" + word + "'");
        };
        if (op == Operator.GREATER_THAN || op == Operator.LESS_THAN) return value(key, op, 0);
        skipSpace();
        expect('(');
        List<String> values = new ArrayList<>();
        skipSpace();
        if (!peek(')')) {
            while (true) {
                skipSpace();
                values.add(identifierOrEmpty());
                skipSpace();
                if (peek(')')) break;
                expect(',');
            }
        }
        expect(')');
        return build(key, op, values);
    }

    private Requirement value(String key, Operator op, int operatorLength) {
        pos += operatorLength;
        skipSpace();
        return build(key, op, List.of(identifierOrEmpty()));
    }

    private Requirement build(String key, Operator op, List<String> values) {
        try {
            return Requirement.of(new io.bacalao.domain.model.LabelSelectorRequirement(key, op.symbol(), values));
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    private String identifier(String what) {
        String id = identifierOrEmpty();
        if (id.isEmpty()) throw error("expected " + what);
        return id;
    }

    private String identifierOrEmpty() {
        int start = pos;
        while (!atEnd() && isIdentifierChar(text.charAt(pos))) pos++;
        return text.substring(start, pos);
    }

    private static boolean isIdentifierChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == '/';
    }

    private void expect(char c) {
        skipSpace();
        if (!peek(c)) throw error("expected '" + c + "'");
        pos++;
    }

    private boolean peek(char c) {
        return !atEnd() && text.charAt(pos) == c;
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private void skipSpace() {
        while (!atEnd() && Character.isWhitespace(text.charAt(pos))) pos++;
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException("unable to parse requirement: " + message + " at position " + pos
                + " in '" + text + "'");
    }
}
