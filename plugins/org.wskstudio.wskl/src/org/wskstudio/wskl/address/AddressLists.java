package org.wskstudio.wskl.address;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.URIConverter;
import org.wskstudio.wsk.model.addressing.Cidr;
import org.wskstudio.wsk.model.addressing.IpAddresses;
import org.wskstudio.wskl.wskl.AddressPattern;

/**
 * What an address list of the DSL ({@code remote from "drop.txt"}) means: a text file read
 * relative to the model, one address or CIDR range a line; {@code #} starts a comment, blank
 * lines and the whitespace around a range do not count. Shared by the validator (which reports
 * each bad line at its place in the list) and the transformation (which expands the rule into
 * one rule per range, in the list's order), so both read a list the same way. The file is read
 * through the model's resource set, so the same code reads {@code file:} URIs on the command
 * line and in the language server and workspace files in Eclipse.
 */
public final class AddressLists {

	private AddressLists() {
	}

	/** The lines of a list that hold something, in file order. */
	public record AddressList(String name, URI uri, List<Line> lines) {
	}

	/**
	 * A line that holds something: its 1-based number, the 1-based column and text of its range
	 * (the first word), and the column and text of anything after it (0 and null when nothing).
	 */
	public record Line(int number, int column, String text, int restColumn, String rest) {

		/** The range of the line, empty when it is not a valid address or CIDR range. */
		public Optional<Cidr> range() {
			return AddressLists.range(text);
		}

		/** The 1-based column of the prefix length (after '/'), or of the range when it has none. */
		public int prefixColumn() {
			int slash = text.indexOf('/');
			return slash < 0 ? column : column + slash + 1;
		}
	}

	/** True when the pattern takes its addresses from a list. */
	public static boolean isList(AddressPattern pattern) {
		return pattern != null && pattern.getList() != null;
	}

	/**
	 * The list's URI: the pattern's file name resolved against the model's URI (an absolute path
	 * is taken as it is). Empty when the model has no absolute URI to resolve against.
	 */
	public static Optional<URI> uri(AddressPattern pattern) {
		String name = pattern.getList().replace('\\', '/');
		URI relative = URI.createFileURI(name);
		if (!relative.isRelative()) {
			return Optional.of(relative);
		}
		Resource resource = pattern.eResource();
		URI base = resource == null ? null : resource.getURI();
		if (base == null || base.isRelative() || !base.isHierarchical()) {
			return Optional.empty();
		}
		return Optional.of(relative.resolve(base));
	}

	/**
	 * Reads the pattern's list.
	 *
	 * @throws IOException when the list cannot be found or read; the message says why
	 */
	public static AddressList read(AddressPattern pattern) throws IOException {
		URI uri = uri(pattern).orElseThrow(() -> new IOException("the model has no file to read it relative to"));
		Resource resource = pattern.eResource();
		URIConverter converter = resource != null && resource.getResourceSet() != null
				? resource.getResourceSet().getURIConverter() : URIConverter.INSTANCE;
		byte[] bytes;
		try (InputStream in = converter.createInputStream(uri)) {
			bytes = in.readAllBytes();
		}
		return new AddressList(pattern.getList(), uri, lines(new String(bytes, StandardCharsets.UTF_8)));
	}

	/** Where a list is for messages: its file path, or its URI when it is no file. */
	public static String location(URI uri) {
		return uri.isFile() ? uri.toFileString() : uri.toString();
	}

	/** The lines of a list text that hold something (comments and blank lines dropped). */
	public static List<Line> lines(String text) {
		List<Line> result = new ArrayList<>();
		int length = text.length();
		int start = text.startsWith("\uFEFF") ? 1 : 0;
		int number = 0;
		while (start <= length) {
			int end = start;
			while (end < length && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
				end++;
			}
			number++;
			Line line = line(text, start, end, number);
			if (line != null) {
				result.add(line);
			}
			if (end < length && text.charAt(end) == '\r' && end + 1 < length && text.charAt(end + 1) == '\n') {
				end++;
			}
			start = end + 1;
		}
		return result;
	}

	private static Line line(String text, int start, int end, int number) {
		int stop = start;
		while (stop < end && text.charAt(stop) != '#') {
			stop++;
		}
		int first = skipSpace(text, start, stop);
		if (first == stop) {
			return null;
		}
		int wordEnd = first;
		while (wordEnd < stop && !Character.isWhitespace(text.charAt(wordEnd))) {
			wordEnd++;
		}
		int rest = skipSpace(text, wordEnd, stop);
		int restEnd = stop;
		while (restEnd > rest && Character.isWhitespace(text.charAt(restEnd - 1))) {
			restEnd--;
		}
		return new Line(number, first - start + 1, text.substring(first, wordEnd),
				rest < stop ? rest - start + 1 : 0, rest < stop ? text.substring(rest, restEnd) : null);
	}

	private static int skipSpace(String text, int from, int to) {
		int i = from;
		while (i < to && Character.isWhitespace(text.charAt(i))) {
			i++;
		}
		return i;
	}

	/** The address part of a range's text (before '/', brackets kept). */
	public static String address(String text) {
		int slash = text.indexOf('/');
		return slash < 0 ? text : text.substring(0, slash);
	}

	/** The prefix length of a range's text: -1 without one, -2 when it is no number. */
	public static int prefixLength(String text) {
		int slash = text.indexOf('/');
		if (slash < 0) {
			return -1;
		}
		String digits = text.substring(slash + 1);
		if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return -2;
		}
		return Integer.parseInt(digits);
	}

	/** The range a line's text stands for (a single address is a full-length prefix); empty when invalid. */
	public static Optional<Cidr> range(String text) {
		Optional<byte[]> address = IpAddresses.parse(address(text));
		int prefix = prefixLength(text);
		if (address.isEmpty() || prefix == -2) {
			return Optional.empty();
		}
		int bits = address.get().length * 8;
		if (prefix > bits) {
			return Optional.empty();
		}
		return Optional.of(new Cidr(address.get(), prefix < 0 ? bits : prefix));
	}
}
