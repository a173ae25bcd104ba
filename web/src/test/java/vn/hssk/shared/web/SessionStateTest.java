package vn.hssk.shared.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Serializable;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The session is distributable (web.xml): on every request the cluster copies it, with the view-scoped beans of its
 * Faces views, to a second node, so everything those beans hold must be {@link Serializable}, down to the records and
 * entities inside their lists. A type that is not fails only in a cluster, at the first request of its screen; this
 * test finds it at build time. Injected services are proxies that serialize themselves and are not followed.
 */
class SessionStateTest {

    private static final Path CLASSES = Path.of(System.getProperty("basedir", ".")).resolve("target/classes");
    private static final Set<String> INJECTION = Set.of("Inject", "EJB", "Resource", "PersistenceContext");

    @Test
    void everythingAViewOrSessionScopedBeanHoldsIsSerializable() throws Exception {
        List<Class<?>> beans = scopedBeans();
        assertTrue(beans.size() > 20, "the view beans are found: " + beans);
        Set<String> notSerializable = new TreeSet<>();
        Set<Class<?>> seen = new HashSet<>();
        for (Class<?> bean : beans) {
            assertTrue(Serializable.class.isAssignableFrom(bean), bean + " is not Serializable");
            fields(bean, bean.getSimpleName(), seen, notSerializable);
        }
        assertEquals(Set.of(), notSerializable, "types held in the session that are not Serializable");
    }

    private static List<Class<?>> scopedBeans() throws IOException, ClassNotFoundException {
        List<Class<?>> beans = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = CLASSES.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, SessionStateTest.class.getClassLoader());
                for (Annotation a : type.getAnnotations()) {
                    String scope = a.annotationType().getSimpleName();
                    if (scope.equals("ViewScoped") || scope.equals("SessionScoped")) {
                        beans.add(type);
                    }
                }
            }
        }
        return beans;
    }

    private static void fields(Class<?> type, String path, Set<Class<?>> seen, Set<String> notSerializable) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers())
                        || injected(field)) {
                    continue;
                }
                type(field.getGenericType(), path + "." + field.getName(), seen, notSerializable);
            }
        }
    }

    private static boolean injected(Field field) {
        for (Annotation a : field.getAnnotations()) {
            if (INJECTION.contains(a.annotationType().getSimpleName())) {
                return true;
            }
        }
        return false;
    }

    private static void type(Type type, String path, Set<Class<?>> seen, Set<String> notSerializable) {
        if (type instanceof ParameterizedType p) {
            type(p.getRawType(), path, seen, notSerializable);
            for (Type argument : p.getActualTypeArguments()) {
                type(argument, path + "<>", seen, notSerializable);
            }
        } else if (type instanceof WildcardType w) {
            for (Type bound : w.getUpperBounds()) {
                type(bound, path, seen, notSerializable);
            }
        } else if (type instanceof Class<?> c) {
            if (c.isArray()) {
                type(c.getComponentType(), path + "[]", seen, notSerializable);
                return;
            }
            if (c.isPrimitive() || c.isInterface() || !seen.add(c)) {
                return;
            }
            if (!Serializable.class.isAssignableFrom(c)) {
                notSerializable.add(c.getName() + " (" + path + ")");
            }
            if (c.getName().startsWith("vn.hssk.")) {
                fields(c, path, seen, notSerializable);
            }
        }
    }
}
