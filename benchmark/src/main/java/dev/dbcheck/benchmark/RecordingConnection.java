package dev.dbcheck.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A connection that writes down every query sent through it, with its parameters inlined as literals, so that the
 * very catalog queries dbcheck's snapshot runs can be replayed by psql for the floor measurement.
 */
final class RecordingConnection {

    private final List<String> statements = new ArrayList<>();
    private final Map<Array, String> arrays = new IdentityHashMap<>();
    private final Connection connection;

    RecordingConnection(Connection target) {
        this.connection = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    Object result = invoke(method, target, args);
                    switch (method.getName()) {
                        case "createStatement" -> result = statement((Statement) result);
                        case "prepareStatement" -> result = prepared((PreparedStatement) result, (String) args[0]);
                        case "createArrayOf" -> arrays.put((Array) result, arrayLiteral((String) args[0],
                                (Object[]) args[1]));
                        default -> { }
                    }
                    return result;
                });
    }

    Connection connection() {
        return connection;
    }

    /** The statements in the order they ran, each ending with a semicolon. */
    List<String> statements() {
        return List.copyOf(statements);
    }

    private Statement statement(Statement target) {
        return (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {Statement.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("execute") && args != null && args[0] instanceof String sql) {
                        statements.add(sql + ";");
                    }
                    return invoke(method, target, args);
                });
    }

    private PreparedStatement prepared(PreparedStatement target, String sql) {
        Map<Integer, String> parameters = new TreeMap<>();
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.startsWith("set") && args != null && args.length == 2 && args[0] instanceof Integer i) {
                        parameters.put(i, args[1] instanceof Array a ? arrays.get(a) : literal(args[1]));
                    } else if (name.startsWith("execute") && (args == null || args.length == 0)) {
                        statements.add(inline(sql, parameters) + ";");
                    }
                    return invoke(method, target, args);
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The snapshot's queries hold no question marks other than parameters. */
    private static String inline(String sql, Map<Integer, String> parameters) {
        StringBuilder out = new StringBuilder();
        int index = 0;
        for (char c : sql.toCharArray()) {
            if (c == '?') {
                out.append(parameters.get(++index));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String arrayLiteral(String type, Object[] elements) {
        String items = java.util.Arrays.stream(elements).map(RecordingConnection::literal)
                .collect(Collectors.joining(", "));
        return "ARRAY[" + items + "]::" + type + "[]";
    }

    private static String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return "'" + value.toString().replace("'", "''") + "'";
    }
}
