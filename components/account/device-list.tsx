// The account page's 登录设备: every live session with its browser and when it was last used; any
// other device can be signed out from here, or all of them (this one included) at once.
import { endSessionAction, signOutEverywhereAction } from './account-actions';
import { deviceName } from '@/lib/accounts/sessions/device-name';
import type { DeviceSession } from '@/lib/accounts/sessions/sessions';
import { formatRelativeTime } from '@/lib/format/relative-time';

export function DeviceList({
  sessions,
  current,
  timeZone,
  now,
}: {
  sessions: DeviceSession[];
  current: string;
  timeZone: string;
  now: Date;
}) {
  return (
    <div className="space-y-4">
      <ul className="divide-y divide-line rounded-md border border-line">
        {sessions.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm">
            <div>
              <p className="font-medium text-fg">
                {deviceName(s.userAgent)}
                {s.id === current ? (
                  <span className="ml-2 rounded bg-surface px-1.5 py-0.5 text-xs text-muted">本设备</span>
                ) : null}
              </p>
              <p className="text-muted">
                最近使用{' '}
                <time dateTime={s.lastSeenAt.toISOString()}>
                  {formatRelativeTime(s.lastSeenAt.toISOString(), now, timeZone)}
                </time>
              </p>
            </div>
            {s.id === current ? null : (
              <form action={endSessionAction}>
                <input type="hidden" name="sessionId" value={s.id} />
                <button type="submit" className="min-h-6 text-accent underline underline-offset-2 hover:decoration-2">
                  退出此设备
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
      <form action={signOutEverywhereAction}>
        <button
          type="submit"
          className="inline-flex h-10 items-center rounded-md border border-line px-4 text-sm text-fg hover:bg-surface"
        >
          退出所有设备
        </button>
      </form>
    </div>
  );
}
