package org.wskstudio.wskl.simulate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.wskstudio.wsk.generator.GeneratedFile;
import org.wskstudio.wsk.generator.java.JavaGenerator;
import org.wskstudio.wsk.model.AddressFamily;
import org.wskstudio.wsk.model.AddressMatch;
import org.wskstudio.wsk.model.DeferredCheck;
import org.wskstudio.wsk.model.InspectAction;
import org.wskstudio.wsk.model.InspectRule;
import org.wskstudio.wsk.model.WskDriver;
import org.wskstudio.wsk.model.WskListener;
import org.wskstudio.wsk.model.addressing.IpAddresses;
import org.wskstudio.wsk.sim.SimConfig;
import org.wskstudio.wsk.sim.SimDriver;
import org.wskstudio.wsk.sim.core.ProgressListener;
import org.wskstudio.wsk.sim.core.VirtualTime;
import org.wskstudio.wsk.sim.scenario.FaultSweep;
import org.wskstudio.wsk.sim.scenario.RandomScenarioGenerator;
import org.wskstudio.wsk.sim.scenario.Scenario;
import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wsk.sim.scenario.ScenarioRunner;
import org.wskstudio.wskl.simulate.compile.DriverCompiler;
import org.wskstudio.wskl.simulate.scenario.ScenarioTranslator;

/**
 * Runs a WSKL model in the WSK runtime simulator: the Java generator's driver, compiled in
 * memory once ({@link DriverCompiler}), against WSKS scenarios ({@link ScenarioTranslator}) or
 * a seeded random load. Each run gets a new driver instance.
 */
public final class SimulationRunner {

	/** Told about a random run: phase "generating" or "simulating", requests done of total. */
	@FunctionalInterface
	public interface Progress {
		void progress(String phase, long done, long total);
	}

	/** Remote ranges outside every rule, per family: the whole IPv4 space, the IPv6 global unicast space. */
	static final String OUTSIDE_IPV4 = "0.0.0.0/0";
	static final String OUTSIDE_IPV6 = "2000::/3";

	private final WskDriver model;
	private final SimConfig config;
	private final List<GeneratedFile> javaFiles;
	private final Supplier<SimDriver> driver;
	/**
	 * Each listener's random remote ranges, its rules' (lookups that match) and its families' whole
	 * space, read from the model and parsed once (soak shards run on several threads and share them).
	 */
	private final List<RandomScenarioGenerator.Route> randomRoutes = new ArrayList<>();
	private final String randomCheck;

	public SimulationRunner(WskDriver model) {
		this(model, new SimConfig());
	}

	public SimulationRunner(WskDriver model, SimConfig config) {
		this.model = model;
		this.config = config;
		this.javaFiles = new JavaGenerator().generate(model);
		this.driver = DriverCompiler.compile(javaFiles, JavaGenerator.driverClassName(model));
		for (WskListener listener : model.getListeners()) {
			randomRoutes.add(new RandomScenarioGenerator.Route(listener.getName(),
					RandomScenarioGenerator.Route.parse(ruleRanges(listener)),
					RandomScenarioGenerator.Route.parse(outsideRanges(listener))));
		}
		DeferredCheck check = firstCheck(model);
		this.randomCheck = check == null ? null : check.getName();
	}

	public WskDriver model() {
		return model;
	}

	/** The generated Java the runs use. */
	public List<GeneratedFile> javaFiles() {
		return javaFiles;
	}

	/** A new instance of the compiled driver. */
	public SimDriver newDriver() {
		return driver.get();
	}

	public ScenarioResult run(Scenario scenario) {
		return ScenarioRunner.run(scenario, driver.get(), config);
	}

	public ScenarioResult run(org.wskstudio.wskl.wsks.Scenario scenario) {
		return run(new ScenarioTranslator(config).translate(scenario));
	}

	/**
	 * Runs a scenario as a fault sweep ({@code fail each irp|pool allocation}): once unfailed,
	 * then once per allocation point it sweeps. A scenario without a sweep gives its one run.
	 */
	public FaultSweep.Result sweep(org.wskstudio.wskl.wsks.Scenario scenario) {
		return sweep(new ScenarioTranslator(config).translate(scenario));
	}

	/** As {@link #sweep(org.wskstudio.wskl.wsks.Scenario)}, for a translated scenario. */
	public FaultSweep.Result sweep(Scenario scenario) {
		return FaultSweep.run(scenario, driver, config);
	}

	public List<ScenarioResult> runAll(List<org.wskstudio.wskl.wsks.Scenario> scenarios) {
		List<ScenarioResult> results = new ArrayList<>();
		for (org.wskstudio.wskl.wsks.Scenario s : scenarios) {
			results.add(run(s));
		}
		return results;
	}

	/**
	 * The random scenario of a run: requests to every listener, half from its rules' remote ranges
	 * (lookups that match a rule) and half from its families' whole address space (mostly lookups
	 * that match none but the default), whether the listener has ten rules or 100,000. Safe to
	 * call from several threads at once.
	 */
	public Scenario randomScenario(RandomRun settings, Progress progress) {
		RandomScenarioGenerator g = new RandomScenarioGenerator().seed(settings.seed()).requests(settings.requests())
				.meanInterArrival(VirtualTime.us(100)).drops(settings.dropProbability(), VirtualTime.ms(5))
				.irpFailureProbability(settings.irpFailureProbability())
				.poolFailureProbability(settings.poolFailureProbability());
		randomRoutes.forEach(g::route);
		if (randomCheck != null) {
			g.checkAnswers(randomCheck, VirtualTime.ms(100), 0.7);
		}
		if (progress != null) {
			g.progress((done, total) -> progress.progress("generating", done, total));
		}
		return g.generate("Random" + settings.requests() + "Seed" + settings.seed());
	}

	/** A seeded random run, repeatable byte for byte (trace included) for the same settings. */
	public ScenarioResult runRandom(RandomRun settings, Progress progress) {
		Scenario scenario = randomScenario(settings, progress);
		scenario.expectNoViolations();
		ProgressListener listener = progress == null ? null : (done, total) -> progress.progress("simulating", done, total);
		return ScenarioRunner.run(scenario, driver.get(), config, listener);
	}

	/**
	 * The remote ranges of a listener's inspect rules in a random run: those of a family it takes,
	 * in model order, each once. An IPv4 listener gets no IPv6 clients, which it could only refuse.
	 */
	public static List<String> ruleRanges(WskListener listener) {
		boolean v4 = takesIpv4(listener);
		boolean v6 = listener.getFamily() == AddressFamily.INET6;
		Set<String> ranges = new LinkedHashSet<>();
		for (InspectRule r : listener.getInspectRules()) {
			AddressMatch m = r.getRemote();
			if (m != null && !m.isAnyAddress() && m.getNetwork() != null
					&& (m.getNetwork().length == 4 ? v4 : v6)) {
				ranges.add(IpAddresses.format(m.getNetwork()) + "/" + m.getPrefixLength());
			}
		}
		return List.copyOf(ranges);
	}

	/** The whole space of each family a listener takes ("outside" the rules, mostly). */
	public static List<String> outsideRanges(WskListener listener) {
		List<String> ranges = new ArrayList<>();
		if (takesIpv4(listener)) {
			ranges.add(OUTSIDE_IPV4);
		}
		if (listener.getFamily() == AddressFamily.INET6) {
			ranges.add(OUTSIDE_IPV6);
		}
		return ranges;
	}

	private static boolean takesIpv4(WskListener listener) {
		return listener.getFamily() == AddressFamily.INET || listener.isDualStack();
	}

	private static DeferredCheck firstCheck(WskDriver model) {
		for (WskListener l : model.getListeners()) {
			for (InspectRule r : l.getInspectRules()) {
				if (r.getAction() == InspectAction.PEND && r.getCheck() != null) {
					return r.getCheck();
				}
			}
		}
		return null;
	}
}
