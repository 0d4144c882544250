import * as assert from 'node:assert/strict';
import rule, { isPasswordName, looksLikePassword } from '../../../src/engine/rules/hard-coded-password';
import { fixesResolve } from '../fixes/fix-resolves';
import { ruleTester } from '../rule-tester';

const id = 'AUP-CRD-003';

const RDS_INSTANCE = `resource "aws_db_instance" "orders" {
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t4g.medium"
  allocated_storage = 50
  username          = "orders_admin"
  password          = "Tr0ub4dor&3-orders"
}
`;

const RDS_CLUSTER_YAML = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Aurora:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
      MasterUsername: admin
      MasterUserPassword: "pg-Admin-2026!"
`;

const flagged = [
	{
		name: 'an RDS instance password, with the managed-password fix',
		path: 'rds.tf',
		source: RDS_INSTANCE,
		findings: [{
			ruleId: id, line: 6, character: 23, endLine: 6, endCharacter: 41, text: 'Tr0ub4dor&3-orders',
			message: 'Password written in \'password\' of aws_db_instance.orders; anyone who can read this file has it (AUP sections 3 and 4). Change it, and take it from a variable marked `sensitive = true` fed by a secret manager, or generate it (random_password).',
			fixed: [`resource "aws_db_instance" "orders" {
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t4g.medium"
  allocated_storage = 50
  username          = "orders_admin"
  password          = var.orders_password
}

variable "orders_password" {
  type      = string
  sensitive = true
}
`, `resource "aws_db_instance" "orders" {
  identifier                  = "orders"
  engine                      = "postgres"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 50
  username                    = "orders_admin"
  manage_master_user_password = true
}
`],
		}],
	},
	{
		name: 'an Aurora master password in CloudFormation, with the managed-password fix',
		path: 'aurora.yaml',
		source: RDS_CLUSTER_YAML,
		findings: [{
			ruleId: id, line: 7, character: 27, endLine: 7, endCharacter: 41, text: 'pg-Admin-2026!',
			message: /^Password written in 'MasterUserPassword' of AWS::RDS::DBCluster 'Aurora'.*\{\{resolve:secretsmanager:\.\.\.\}\} dynamic reference/,
			fixed: [`AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Aurora:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
      MasterUsername: admin
      MasterUserPassword: "{{resolve:secretsmanager:\${1:aurora-credentials}:SecretString:password\\}\\}"
`, RDS_CLUSTER_YAML.replace('MasterUserPassword: "pg-Admin-2026!"', 'ManageMasterUserPassword: true')],
		}],
	},
	{
		name: 'passwords in a variable default (no fix: a variable cannot read another) and in resources',
		path: 'main.tf',
		source: `variable "db_password" {
  type    = string
  default = "orders-2026"
}

resource "azurerm_linux_virtual_machine" "jump" {
  name                            = "jump"
  resource_group_name             = "ops"
  location                        = "westeurope"
  size                            = "Standard_B2s"
  admin_username                  = "azureuser"
  admin_password                  = "P@ssw0rd1234"
  disable_password_authentication = false
}

resource "aws_mq_broker" "events" {
  broker_name        = "events"
  engine_type        = "RabbitMQ"
  engine_version     = "3.13"
  host_instance_type = "mq.t3.micro"
  user {
    username = "events"
    password = "rabbit-events-1"
  }
}
`,
		findings: [
			{ ruleId: id, line: 2, character: 13, endLine: 2, endCharacter: 24, text: 'orders-2026', message: /^Password written in 'db_password' in this file/ },
			{ ruleId: id, line: 11, character: 37, endLine: 11, endCharacter: 49, text: 'P@ssw0rd1234', fixed: [`variable "db_password" {
  type    = string
  default = "orders-2026"
}

resource "azurerm_linux_virtual_machine" "jump" {
  name                            = "jump"
  resource_group_name             = "ops"
  location                        = "westeurope"
  size                            = "Standard_B2s"
  admin_username                  = "azureuser"
  admin_password                  = var.jump_admin_password
  disable_password_authentication = false
}

resource "aws_mq_broker" "events" {
  broker_name        = "events"
  engine_type        = "RabbitMQ"
  engine_version     = "3.13"
  host_instance_type = "mq.t3.micro"
  user {
    username = "events"
    password = "rabbit-events-1"
  }
}

variable "jump_admin_password" {
  type      = string
  sensitive = true
}
`] },
			{ ruleId: id, line: 22, character: 16, endLine: 22, endCharacter: 31, text: 'rabbit-events-1', fixed: [`variable "db_password" {
  type    = string
  default = "orders-2026"
}

resource "azurerm_linux_virtual_machine" "jump" {
  name                            = "jump"
  resource_group_name             = "ops"
  location                        = "westeurope"
  size                            = "Standard_B2s"
  admin_username                  = "azureuser"
  admin_password                  = "P@ssw0rd1234"
  disable_password_authentication = false
}

resource "aws_mq_broker" "events" {
  broker_name        = "events"
  engine_type        = "RabbitMQ"
  engine_version     = "3.13"
  host_instance_type = "mq.t3.micro"
  user {
    username = "events"
    password = var.events_user_password
  }
}

variable "events_user_password" {
  type      = string
  sensitive = true
}
`] },
		],
	},
	{
		name: 'database passwords in Kubernetes env values',
		path: 'postgres.yaml',
		source: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: postgres
spec:
  serviceName: postgres
  selector:
    matchLabels: { app: postgres }
  template:
    metadata:
      labels: { app: postgres }
    spec:
      containers:
        - name: postgres
          image: postgres:16
          env:
            - name: POSTGRES_USER
              value: app
            - name: POSTGRES_PASSWORD
              value: "orders-db-2026"
`,
		findings: [{ ruleId: id, line: 19, character: 22, endLine: 19, endCharacter: 36, text: 'orders-db-2026', message: /^Password written in 'POSTGRES_PASSWORD' of StatefulSet 'postgres'.*valueFrom\.secretKeyRef/, fixed: [`apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: postgres
spec:
  serviceName: postgres
  selector:
    matchLabels: { app: postgres }
  template:
    metadata:
      labels: { app: postgres }
    spec:
      containers:
        - name: postgres
          image: postgres:16
          env:
            - name: POSTGRES_USER
              value: app
            - name: POSTGRES_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: \${1:postgres-secrets}
                  key: postgres-password
`] }],
	},
	{
		name: 'passwords in a Compose environment, as a map and as a list',
		path: 'docker-compose.yml',
		source: `services:
  db:
    image: mysql:8.4
    environment:
      MYSQL_DATABASE: shop
      MYSQL_ROOT_PASSWORD: rootpass-shop
  queue:
    image: rabbitmq:3.13-management
    environment:
      - RABBITMQ_DEFAULT_USER=shop
      - RABBITMQ_DEFAULT_PASS=queue-pass-2026
`,
		findings: [
			{ ruleId: id, line: 5, character: 27, endLine: 5, endCharacter: 40, text: 'rootpass-shop', message: /^Password written in 'MYSQL_ROOT_PASSWORD' of service 'db'.*Compose secrets/, fixed: [`services:
  db:
    image: mysql:8.4
    environment:
      MYSQL_DATABASE: shop
      MYSQL_ROOT_PASSWORD: \${MYSQL_ROOT_PASSWORD}
  queue:
    image: rabbitmq:3.13-management
    environment:
      - RABBITMQ_DEFAULT_USER=shop
      - RABBITMQ_DEFAULT_PASS=queue-pass-2026
`] },
			{ ruleId: id, line: 10, character: 30, endLine: 10, endCharacter: 45, text: 'queue-pass-2026', message: /^Password written in 'RABBITMQ_DEFAULT_PASS' of service 'queue'/, fixed: [`services:
  db:
    image: mysql:8.4
    environment:
      MYSQL_DATABASE: shop
      MYSQL_ROOT_PASSWORD: rootpass-shop
  queue:
    image: rabbitmq:3.13-management
    environment:
      - RABBITMQ_DEFAULT_USER=shop
      - RABBITMQ_DEFAULT_PASS=\${RABBITMQ_DEFAULT_PASS}
`] },
		],
	},
];

ruleTester.run(rule, {
	flagged,
	clean: [
		{
			name: 'passwords from a variable, a generated password and a managed master password',
			path: 'rds.tf',
			source: `variable "db_password" {
  type      = string
  sensitive = true
}

resource "random_password" "broker" {
  length  = 32
  special = true
}

resource "aws_db_instance" "orders" {
  identifier                  = "orders"
  engine                      = "postgres"
  instance_class              = "db.t4g.medium"
  username                    = "orders_admin"
  manage_master_user_password = true
}

resource "aws_db_instance" "reports" {
  identifier     = "reports"
  engine         = "postgres"
  instance_class = "db.t4g.small"
  username       = "reports"
  password       = var.db_password
}

resource "aws_mq_broker" "events" {
  broker_name = "events"
  user {
    username = "events"
    password = random_password.broker.result
  }
}
`,
		},
		{
			name: 'dynamic references, parameters and a Sub template in CloudFormation',
			path: 'stack.yaml',
			source: `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  DbPassword:
    Type: String
    NoEcho: true
Resources:
  Orders:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      MasterUsername: admin
      MasterUserPassword: '{{resolve:secretsmanager:prod/orders:SecretString:password}}'
  Reports:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      MasterUsername: admin
      MasterUserPassword: !Ref DbPassword
  Legacy:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      MasterUsername: admin
      MasterUserPassword: !Sub '{{resolve:ssm-secure:/\${AWS::StackName}/legacy-db}}'
`,
		},
		{
			name: 'secretKeyRef, interpolation, empty values and placeholders',
			path: 'docker-compose.yml',
			source: `services:
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: \${POSTGRES_PASSWORD:?set it in .env}
      POSTGRES_PASSWORD_FILE: /run/secrets/db_password
      REPLICA_PASSWORD: ""
      ADMIN_PASSWORD: <set-me>
      BACKUP_PASSWORD: CHANGE_ME
    secrets: [db_password]
secrets:
  db_password:
    file: ./secrets/db_password.txt
`,
		},
		{
			name: 'password settings that are not passwords, and passwords in comments',
			path: 'policy.tf',
			source: `# The old admin password "P@ssw0rd1234" was rotated.
resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length        = 16
  require_symbols                = true
  allow_users_to_change_password = true
  password_reuse_prevention      = 24
}

resource "aws_db_instance" "orders" {
  identifier     = "orders"
  engine         = "postgres"
  instance_class = "db.t4g.medium"
  username       = "orders_admin"
  password       = "\${data.aws_secretsmanager_secret_version.orders.secret_string}"
  tags = {
    PasswordRotation = "90 days"
  }
}
`,
		},
		{
			name: 'a Kubernetes password from a Secret',
			path: 'pg.yaml',
			source: `apiVersion: v1
kind: Pod
metadata:
  name: psql
spec:
  containers:
    - name: psql
      image: postgres:16
      env:
        - name: PGPASSWORD
          valueFrom:
            secretKeyRef: { name: pg, key: password }
        - name: PWD
          value: /work
`,
		},
	],
});

describe('AUP-CRD-003 helpers', () => {
	it('recognises password names and leaves names that only mention passwords', () => {
		for (const name of ['password', 'master_password', 'MasterUserPassword', 'DB_PASS', 'adminPwd', 'db_pwd', 'root_passwd']) {
			assert.ok(isPasswordName(name), name);
		}
		for (const name of ['password_length', 'PASSWORD_FILE', 'password_reset_required', 'PWD', 'OLDPWD', 'passport', 'bypass_list']) {
			assert.ok(!isPasswordName(name), name);
		}
	});

	it('treats references and placeholders as not passwords, weak real values as passwords', () => {
		for (const value of ['', '${DB_PASSWORD}', '$DB_PASSWORD', '$(DB_PASSWORD)', '{{resolve:ssm-secure:/db}}', '<password>', '****', 'xxxx', 'CHANGE_ME', 'true']) {
			assert.ok(!looksLikePassword(value), value);
		}
		for (const value of ['postgres', 'password', 'hunter2', 'pa$sword', 'changeit']) {
			assert.ok(looksLikePassword(value), value);
		}
	});
});

fixesResolve(rule, flagged);
