// The live hub from a page: WebSockets only, automatic reconnection that never gives up, MessagePack when asked and
// loaded (JSON otherwise), and the server clock. See docs/protocol.md; the global signalR comes from lib/signalr.
const signalR = window.signalR;

// Keep trying: 0, 1 s, 2 s, 5 s, then every 5 s, for as long as the page is open.
const delays = [0, 1000, 2000, 5000];
const retryDelay = ctx => delays[ctx.previousRetryCount] ?? 5000;

// The MessagePack protocol names fields as the C# records do (PascalCase); JSON uses camelCase. Pages use camelCase.
const camel = value => mapKeys(value, k => k.charAt(0).toLowerCase() + k.slice(1));
const pascal = value => mapKeys(value, k => k.charAt(0).toUpperCase() + k.slice(1));
function mapKeys(value, rename) {
  if (Array.isArray(value)) return value.map(v => mapKeys(v, rename));
  if (value === null || typeof value !== "object" || value instanceof Uint8Array) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [rename(k), mapKeys(v, rename)]));
}

/** A hub method's refusal (its reply said ok: false): the documented code, the message, the fields of an invalid request. */
export class Refusal extends Error {
  constructor({ code, message, errors }) {
    super(message ?? code);
    this.code = code;
    this.errors = errors ?? [];
  }
}

/**
 * What went wrong with a call: a refusal's code and message as the server sent them, or "network" when the call
 * itself failed (the connection dropped, the server could not be reached).
 */
export function errorCode(error) {
  return error instanceof Refusal
    ? { code: error.code, detail: error.message }
    : { code: "network", detail: String(error?.message ?? error ?? "") };
}

export class Live {
  constructor({ messagePack = false, accessToken = null } = {}) {
    const useMsgPack = messagePack && !!signalR.protocols?.msgpack;
    this.msgpack = useMsgPack;
    let builder = new signalR.HubConnectionBuilder()
      .withUrl("/hubs/quiz", { skipNegotiation: true, transport: signalR.HttpTransportType.WebSockets, ...(accessToken ? { accessTokenFactory: accessToken } : {}) })
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: retryDelay })
      .configureLogging(signalR.LogLevel.Warning);
    if (useMsgPack) builder = builder.withHubProtocol(new signalR.protocols.msgpack.MessagePackHubProtocol());
    this.connection = builder.build();
    this.offset = 0; // server clock minus this device's clock, in ms
    this.uncertainty = 0; // how far off offset may be, in ms
    this.onUp = () => {};
    this.onDown = () => {};
    this.connection.onreconnecting(() => this.onDown());
    this.connection.onreconnected(() => this.#up());
    this.connection.onclose(() => { if (this.stopped) return; this.onDown(); this.#startLoop(); });
    // The node lost its store (Redis): the socket is fine, but nothing can be joined, answered or moved. Pages show
    // "reconnecting" until it is back, then carry on as after a reconnection (rejoin, send what was not acknowledged).
    this.connection.on("StoreChanged", status => { if (camel(status).available) this.#up(); else this.onDown(); });
    // A phone that loses its network gets no close from the socket: SignalR would notice only when the server's
    // keep-alives stop arriving (30 s). The browser knows at once, so "reconnecting" shows at once; when the network
    // is back the old socket may be dead without knowing it, so a fresh one is started (then Rejoin, as always).
    window.addEventListener("offline", () => { this.wentOffline = true; this.onDown(); });
    window.addEventListener("online", () => {
      if (!this.wentOffline || this.stopped) return;
      this.wentOffline = false;
      // A socket that says it is connected may have died meanwhile: start afresh (onclose starts the loop again). One
      // that is already reconnecting is left to it; cutting its handshake short would only cost another round.
      if (this.connection.state === signalR.HubConnectionState.Disconnected) this.#startLoop();
      else if (this.connection.state === signalR.HubConnectionState.Connected) this.connection.stop();
    });
  }

  /** Subscribes to a server event; the payload arrives in camelCase whatever the protocol. */
  on(event, handler) {
    this.connection.on(event, payload => handler(camel(payload)));
  }

  /**
   * Calls a hub method (without arg, one that takes none: an undefined argument would still be sent, as null) and
   * returns the value of its reply; a refusal throws a Refusal with the reply's code (docs/protocol.md).
   */
  async invoke(method, arg) {
    const raw = arg === undefined
      ? await this.connection.invoke(method)
      : await this.connection.invoke(method, this.msgpack ? pascal(arg) : arg);
    const reply = camel(raw);
    if (reply?.ok) return reply.value ?? null;
    throw new Refusal(reply?.error ?? { code: "failed", message: `${method}: no reply` });
  }

  get connected() { return this.connection.state === signalR.HubConnectionState.Connected; }

  /**
   * Resolves once connected (at once if already), or fails as a network error after timeoutMs. A form sent before
   * the connection is up (a quick thumb on slow Wi-Fi) waits for it instead of failing.
   */
  whenConnected(timeoutMs = 15000) {
    const until = Date.now() + timeoutMs;
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.connected) resolve();
        else if (Date.now() > until) reject(new Error("network"));
        else setTimeout(check, 100);
      };
      check();
    });
  }

  /** Connects, retrying until it succeeds; onUp runs after every (re)connection, after the clock is synced. */
  start() { this.#startLoop(); }

  async #startLoop() {
    if (this.starting) return;
    this.starting = true;
    for (let attempt = 0; ; attempt++) {
      try {
        await this.connection.start();
        break;
      } catch {
        this.onDown();
        await new Promise(r => setTimeout(r, retryDelay({ previousRetryCount: attempt })));
      }
    }
    this.starting = false;
    await this.#up();
  }

  async #up() {
    await this.sync();
    await this.onUp();
  }

  /** Estimates the server clock from a few round trips and keeps the one with the shortest trip. */
  async sync(rounds = 4) {
    let best = null;
    for (let i = 0; i < rounds; i++) {
      const sent = Date.now();
      try {
        const reply = await this.invoke("Sync", sent);
        const back = Date.now();
        const trip = back - sent;
        if (!best || trip < best.trip) best = { trip, offset: reply.serverTimeMs - (sent + back) / 2 };
      } catch { break; }
    }
    if (best) {
      this.offset = best.offset;
      // The server stamped its reply somewhere in the trip, so the estimate can be off by up to half of it. Capped so
      // a very slow link costs at most a second of answering time.
      this.uncertainty = Math.min(1000, Math.ceil(best.trip / 2) + 5);
    }
  }

  /** Stops for good (this page was superseded by another connection of the same participant). */
  stop() { this.stopped = true; return this.connection.stop(); }

  serverNow() { return Date.now() + this.offset; }

  /** True only when the server's clock has surely passed ms (by the worst case of the estimate), not just probably. */
  surelyPast(ms) { return this.serverNow() - this.uncertainty >= ms; }
}

/** A countdown text in whole seconds, never negative. */
export const secondsLeft = (closesAtMs, now) => Math.max(0, Math.ceil((closesAtMs - now) / 1000));
