import {
  Duration,
  type RemovalPolicy,
  type Stack,
  type aws_apigatewayv2 as apigw,
  aws_cloudwatch as cloudwatch,
  aws_cloudwatch_actions as cloudwatchActions,
  aws_iam as iam,
  aws_kms as kms,
  type aws_lambda as lambda,
  aws_sns as sns,
  aws_sns_subscriptions as snsSubscriptions,
  type aws_sqs as sqs,
} from 'aws-cdk-lib';

/** A function's alarms: any error, any throttle (5-minute periods). */
export function functionAlarms(stack: Stack, id: string, fn: lambda.IFunction): cloudwatch.Alarm[] {
  return [
    fn
      .metricErrors({ period: Duration.minutes(5) })
      .createAlarm(stack, `${id}Errors`, { threshold: 1, evaluationPeriods: 1, alarmDescription: `${id} threw` }),
    fn.metricThrottles({ period: Duration.minutes(5) }).createAlarm(stack, `${id}Throttles`, {
      threshold: 1,
      evaluationPeriods: 1,
      alarmDescription: `${id} was throttled`,
    }),
  ];
}

/**
 * The API's 5xx and every dead-letter queue's depth join the functions' alarms, and all of them notify one topic
 * (returned), to which `alarmEmail` is subscribed when given.
 */
export function alarmTopic(
  stack: Stack,
  settings: {
    stage: string;
    removalPolicy: RemovalPolicy;
    alarmEmail: string | undefined;
    functionAlarms: cloudwatch.Alarm[];
    httpApi: apigw.HttpApi;
    dlqs: sqs.Queue[];
  },
): sns.Topic {
  const alarms = [...settings.functionAlarms];
  alarms.push(
    new cloudwatch.Metric({
      namespace: 'AWS/ApiGateway',
      metricName: '5xx',
      dimensionsMap: { ApiId: settings.httpApi.apiId },
      statistic: 'Sum',
      period: Duration.minutes(5),
    }).createAlarm(stack, 'Api5xx', { threshold: 1, evaluationPeriods: 1, alarmDescription: 'The API answered 5xx' }),
  );
  for (const [index, dlq] of settings.dlqs.entries()) {
    alarms.push(
      dlq
        .metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) })
        .createAlarm(stack, `Dlq${index}Depth`, {
          threshold: 1,
          evaluationPeriods: 1,
          alarmDescription: `Messages in ${dlq.node.id}`,
        }),
    );
  }

  // Alarms notify through one topic (encrypted with a key CloudWatch may use; SSL-only publishing).
  const alarmKey = new kms.Key(stack, 'AlarmTopicKey', {
    enableKeyRotation: true,
    description: 'Encrypts the skillpass alarm topic',
    removalPolicy: settings.removalPolicy,
  });
  alarmKey.grant(new iam.ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
  const topic = new sns.Topic(stack, 'AlarmTopic', {
    masterKey: alarmKey,
    enforceSSL: true,
    displayName: `skillpass ${settings.stage} alarms`,
  });
  for (const alarm of alarms) alarm.addAlarmAction(new cloudwatchActions.SnsAction(topic));
  if (settings.alarmEmail) topic.addSubscription(new snsSubscriptions.EmailSubscription(settings.alarmEmail));
  return topic;
}
