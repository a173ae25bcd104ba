package vn.hssk.claims;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import vn.hssk.shared.TextFolding;

/**
 * The JDK's DOM parser as claims need it: no DTD, no external entity, no XInclude (a claim file is data from outside
 * and must not make the server fetch or expand anything), namespace-aware so that every look-up goes by local name
 * and a namespace declaration changes nothing; a UTF-8 byte-order mark is dropped before parsing.
 */
final class ClaimXml {

    private static final ErrorHandler STRICT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private ClaimXml() {
    }

    /** The document in {@code bytes}; a parse error is thrown with a short reason (line and column). */
    static Document parse(byte[] bytes) throws SAXException {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return builder().parse(new ByteArrayInputStream(bytes, start, bytes.length - start));
        } catch (SAXParseException e) {
            throw new SAXException("line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new SAXException(e.getMessage(), e);
        }
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(STRICT);
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The XML parser cannot be made safe for claims", e);
        }
    }

    static String name(Node node) {
        String local = node.getLocalName();
        return local == null ? node.getNodeName() : local;
    }

    /** The element children of {@code parent}. */
    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    /** Every element below {@code root} (and itself) whose local name is {@code name}, in document order. */
    static List<Element> all(Element root, String name) {
        List<Element> out = new ArrayList<>();
        collect(root, name, out);
        return out;
    }

    private static void collect(Element e, String name, List<Element> out) {
        if (name.equalsIgnoreCase(name(e))) {
            out.add(e);
        }
        for (Element c : children(e)) {
            collect(c, name, out);
        }
    }

    /** The first element at or below {@code root} that has a child named {@code child}, or null. */
    static Element holderOf(Element root, String child) {
        if (child(root, child) != null) {
            return root;
        }
        for (Element c : children(root)) {
            Element found = holderOf(c, child);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    static Element child(Element parent, String name) {
        for (Element c : children(parent)) {
            if (name.equalsIgnoreCase(name(c))) {
                return c;
            }
        }
        return null;
    }

    /** The text of the first child named one of {@code names}, NFC-normalised and trimmed; null if none or blank. */
    static String text(Element parent, String... names) {
        for (String name : names) {
            Element c = child(parent, name);
            if (c != null) {
                String t = TextFolding.normalize(c.getTextContent());
                if (t != null && !t.isEmpty()) {
                    return t;
                }
            }
        }
        return null;
    }
}
