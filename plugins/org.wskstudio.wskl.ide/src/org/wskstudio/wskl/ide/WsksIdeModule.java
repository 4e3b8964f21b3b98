package org.wskstudio.wskl.ide;

/** The scenario language's UI-independent ide services: the generated defaults. */
public class WsksIdeModule extends AbstractWsksIdeModule {
}
