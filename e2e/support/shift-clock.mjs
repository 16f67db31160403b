// Loaded with `node --import` into a test server only: moves the process's clock by
// HUTONG_TEST_CLOCK_SHIFT_MS, the way libfaketime would, so a production build can be run a few seconds
// before an article's scheduled time without waiting for the real calendar. Date (constructor and now())
// and performance.timeOrigin (which Next's cache uses for revalidation times) move together; timers and
// performance.now() are relative and stay as they are.
const shift = Number(process.env.HUTONG_TEST_CLOCK_SHIFT_MS || 0);
if (Number.isFinite(shift) && shift !== 0) {
  const RealDate = Date;
  const now = () => RealDate.now() + shift;
  globalThis.Date = new Proxy(RealDate, {
    construct: (target, args, newTarget) => Reflect.construct(target, args.length ? args : [now()], newTarget),
    apply: () => new RealDate(now()).toString(),
    get: (target, prop, receiver) => (prop === 'now' ? now : Reflect.get(target, prop, receiver)),
  });
  const origin = performance.timeOrigin + shift;
  Object.defineProperty(performance, 'timeOrigin', { get: () => origin, configurable: true });
}
