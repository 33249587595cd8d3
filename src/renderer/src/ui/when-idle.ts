interface TaskScheduler {
  postTask(task: () => void, options: { priority: 'background' }): Promise<void>;
}

/**
 * Runs `task` once the thread (the page's or a worker's) has nothing more urgent to do: at
 * background priority where the browser schedules tasks by priority, else on the next turn.
 */
export function whenIdle(task: () => void): void {
  const scheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler;
  if (scheduler) void scheduler.postTask(task, { priority: 'background' });
  else setTimeout(task, 0);
}
