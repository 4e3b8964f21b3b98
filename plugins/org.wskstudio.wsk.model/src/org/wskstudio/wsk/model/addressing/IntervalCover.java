package org.wskstudio.wsk.model.addressing;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which parts of an address space a sequence of ranges covers, and by which range first. Ranges
 * are added in order, each with a label (a rule's index); every address keeps the label of the
 * first range that covered it. Two sorted maps: the covered runs, merged (neighbours and
 * overlaps become one run), answer "is [first, last] covered?" with one lookup; the labelled
 * pieces answer "by which ranges?". Adding a range walks only the runs it swallows, so n ranges
 * cost O(n log n) in all, whatever their order.
 */
public final class IntervalCover {

	/** The labels over a covered range, in address order, and whether the list was cut short. */
	public record Labels(List<Integer> labels, boolean complete) {
	}

	private record Piece(BigInteger last, int label) {
	}

	/** Covered runs: first address to last address (inclusive), disjoint and not adjacent. */
	private final TreeMap<BigInteger, BigInteger> runs = new TreeMap<>();
	/** Labelled pieces: first address to (last address, label), disjoint. */
	private final TreeMap<BigInteger, Piece> pieces = new TreeMap<>();

	/** Covers the addresses of [first, last] that no earlier range covered, with the label. */
	public void add(BigInteger first, BigInteger last, int label) {
		BigInteger start = first;
		BigInteger end = last;
		BigInteger cursor = first;
		Map.Entry<BigInteger, BigInteger> before = runs.floorEntry(first);
		if (before != null && before.getValue().compareTo(first.subtract(BigInteger.ONE)) >= 0) {
			start = before.getKey();
			end = end.max(before.getValue());
			cursor = cursor.max(before.getValue().add(BigInteger.ONE));
			runs.remove(before.getKey());
		}
		Iterator<Map.Entry<BigInteger, BigInteger>> inside = runs.subMap(first, true, last.add(BigInteger.ONE), true)
				.entrySet().iterator();
		while (inside.hasNext()) {
			Map.Entry<BigInteger, BigInteger> run = inside.next();
			if (cursor.compareTo(run.getKey()) < 0) {
				pieces.put(cursor, new Piece(run.getKey().subtract(BigInteger.ONE).min(last), label));
			}
			cursor = cursor.max(run.getValue().add(BigInteger.ONE));
			end = end.max(run.getValue());
			inside.remove();
		}
		if (cursor.compareTo(last) <= 0) {
			pieces.put(cursor, new Piece(last, label));
		}
		runs.put(start, end);
	}

	/** True when every address of [first, last] is covered. */
	public boolean covers(BigInteger first, BigInteger last) {
		Map.Entry<BigInteger, BigInteger> run = runs.floorEntry(first);
		return run != null && run.getValue().compareTo(last) >= 0;
	}

	/**
	 * The distinct labels of the pieces over [first, last] in address order, at most {@code max}
	 * of them (and at most {@code 8 * max} pieces read); null when some address there is not
	 * covered.
	 */
	public Labels labelsOver(BigInteger first, BigInteger last, int max) {
		if (!covers(first, last)) {
			return null;
		}
		Set<Integer> labels = new LinkedHashSet<>();
		BigInteger from = pieces.floorKey(first);
		NavigableMap<BigInteger, Piece> over = pieces.subMap(from, true, last, true);
		int read = 0;
		for (Piece piece : over.values()) {
			if (labels.size() == max && !labels.contains(piece.label()) || ++read > 8 * max) {
				return new Labels(new ArrayList<>(labels), false);
			}
			labels.add(piece.label());
		}
		return new Labels(new ArrayList<>(labels), true);
	}

	/** The first and last address of a range, as unsigned numbers. */
	public static BigInteger[] bounds(Cidr range) {
		Cidr normal = range.normalized();
		int bits = normal.network().length * 8;
		BigInteger first = new BigInteger(1, normal.network());
		BigInteger size = BigInteger.ONE.shiftLeft(bits - normal.prefixLength());
		return new BigInteger[] { first, first.add(size).subtract(BigInteger.ONE) };
	}
}
