import { api, must } from '$lib/api/client';
import { applicationServerKey } from './messages';

/** Web push on this device: the browser's subscription, registered with the server for this user. */
export function pushSupported(): boolean {
  return (
    typeof navigator !== 'undefined' &&
    'serviceWorker' in navigator &&
    typeof window !== 'undefined' &&
    'PushManager' in window &&
    'Notification' in window
  );
}

async function registration(): Promise<ServiceWorkerRegistration | null> {
  if (!pushSupported()) return null;
  return (await navigator.serviceWorker.getRegistration()) ?? null;
}

/** Whether this device currently gets staff notifications. */
export async function isSubscribed(): Promise<boolean> {
  const reg = await registration();
  return (await reg?.pushManager.getSubscription()) != null;
}

/** Asks for permission, subscribes with the shop's VAPID key and tells the server. */
export async function subscribe(): Promise<'subscribed' | 'denied' | 'unsupported'> {
  const reg = await registration();
  if (reg === null) return 'unsupported';
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return 'denied';
  const { publicKey } = await must(api.GET('/api/push/public-key'));
  const subscription =
    (await reg.pushManager.getSubscription()) ??
    (await reg.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: applicationServerKey(publicKey),
    }));
  const json = subscription.toJSON();
  await must(
    api.POST('/api/push-subscriptions', {
      body: {
        endpoint: subscription.endpoint,
        keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' },
      },
    }),
  );
  return 'subscribed';
}

export async function unsubscribe(): Promise<void> {
  const reg = await registration();
  const subscription = await reg?.pushManager.getSubscription();
  if (!subscription) return;
  const endpoint = subscription.endpoint;
  await subscription.unsubscribe();
  const { response } = await api.DELETE('/api/push-subscriptions', { body: { endpoint } });
  // 404: the server had already forgotten this device (e.g. after a 410 from the push service).
  if (!response.ok && response.status !== 404) throw new Error(`unsubscribe failed: ${response.status}`);
}
