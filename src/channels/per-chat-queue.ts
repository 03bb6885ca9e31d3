/**
 * Runs each chat's sends one after another (a task starts once the one before it for that chat has succeeded),
 * so concurrent sends never interleave or bypass the pacing. Used by the Zalo and Zalo OA senders.
 */
export function perChatQueue() {
  const queues = new Map<string, Promise<unknown>>();
  return <T>(chatId: string, task: () => Promise<T>): Promise<T> => {
    const previous = queues.get(chatId) ?? Promise.resolve();
    const current = previous.then(task);
    queues.set(chatId, current);
    const cleanup = () => {
      if (queues.get(chatId) === current) queues.delete(chatId);
    };
    current.then(cleanup, cleanup);
    return current;
  };
}
