package org.wskstudio.wskl.ide;

/** WSKL's UI-independent ide services: the generated defaults. */
public class WsklIdeModule extends AbstractWsklIdeModule {
}
