import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';

@Resolver()
export class NotificationResolver {
  @Query(() => [String], {
    description: 'Template ids to pass to Taro.requestSubscribeMessage before booking, so confirmations, reminders and notices (cancellations, messages from lecturers, review results) may be sent',
  })
  subscriptionTemplateIds(@Ctx() { messageTemplates }: Context): string[] {
    return [messageTemplates.booking, messageTemplates.reminder, messageTemplates.notice].filter((id): id is string => Boolean(id));
  }
}
