package org.wskstudio.wskl.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceImpl;

/** Serializes a code model with EMF's {@link XMIResourceImpl}, in memory. */
final class XmiWriter {

	private XmiWriter() {
	}

	/** The model as UTF-8 XMI text; {@code file} names the resource ({@code FILE.xmi}). The model is copied, not moved. */
	static String toXmi(EObject root, String file) throws IOException {
		String name = file.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1);
		XMIResourceImpl resource = new XMIResourceImpl(URI.createURI(URI.encodeSegment(name + ".xmi", false)));
		resource.getContents().add(EcoreUtil.copy(root));
		Map<Object, Object> options = new HashMap<>();
		options.put(XMLResource.OPTION_ENCODING, StandardCharsets.UTF_8.name());
		options.put(XMLResource.OPTION_LINE_WIDTH, 100);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		resource.save(bytes, options);
		String xmi = bytes.toString(StandardCharsets.UTF_8);
		return xmi.endsWith("\n") ? xmi : xmi + "\n";
	}
}
