import mongoose, { type mongo } from 'mongoose';

/**
 * The commands this process's mongoose connection sends while `work` runs (those `counted` keeps):
 * database round trips, for budgets. The connection must have been opened with `monitorCommands`.
 */
export async function countCommands(work: () => Promise<unknown>, counted: (command: mongo.CommandStartedEvent) => boolean = () => true): Promise<number> {
  let count = 0;
  const client = mongoose.connection.getClient();
  const onCommand = (command: mongo.CommandStartedEvent) => {
    if (counted(command)) count++;
  };
  client.on('commandStarted', onCommand);
  try {
    await work();
  } finally {
    client.off('commandStarted', onCommand);
  }
  return count;
}
