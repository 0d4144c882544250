import rule from '../../../src/engine/rules/admin-port-open-to-internet';
import { fixesResolve } from '../fixes/fix-resolves';
import { narrowed, tfVariable } from '../helpers/narrowed';
import { ruleTester, type FlaggedCase } from '../rule-tester';
import { ARM_NSG_TEMPLATE, AZURE_NSG_RULES_TF, GCP_FIREWALLS_TF, GCP_SSH_FIREWALLS_TF, JUMP_NSG_TEMPLATE, JUMP_NSG_TF } from './fixtures/network';

const id = 'AUP-NET-001';

const bastionSg = `resource "aws_security_group" "bastion" {
  name   = "bastion"
  vpc_id = aws_vpc.main.id

  ingress {
    description      = "SSH"
    from_port        = 22
    to_port          = 22
    protocol         = "tcp"
    cidr_blocks      = ["0.0.0.0/0"]
    ipv6_cidr_blocks = ["::/0"]
  }

  ingress {
    from_port   = 3300
    to_port     = 3400
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`;

const ruleResources = `resource "aws_security_group_rule" "postgres" {
  type              = "ingress"
  from_port         = 5432
  to_port           = 5432
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.db.id
}

resource "aws_vpc_security_group_ingress_rule" "redis" {
  security_group_id = aws_security_group.cache.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 6379
  to_port           = 6379
  ip_protocol       = "tcp"
}
`;

const windowsTemplate = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  WindowsSG:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: Windows hosts
      VpcId: !Ref Vpc
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 443
          ToPort: 443
          CidrIp: 0.0.0.0/0
        - IpProtocol: tcp
          FromPort: '3389'
          ToPort: '3389'
          CidrIp: 0.0.0.0/0
  MongoIngress:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !Ref DataSG
      IpProtocol: "6"
      FromPort: 27017
      ToPort: 27017
      CidrIpv6: "::/0"
`;

const services = `apiVersion: v1
kind: Service
metadata:
  name: postgres
  namespace: data
spec:
  type: LoadBalancer
  selector:
    app: postgres
  ports:
    - name: pg
      port: 5432
      targetPort: 5432
---
apiVersion: v1
kind: Service
metadata:
  name: redis
spec:
  type: LoadBalancer
  loadBalancerSourceRanges:
    - 10.0.0.0/8
    - 0.0.0.0/0
  ports:
    - port: 6379
    - port: 443
`;

const mongoService = `resource "kubernetes_service_v1" "mongo" {
  metadata {
    name = "mongo"
  }
  spec {
    selector = {
      app = "mongo"
    }
    type = "LoadBalancer"
    port {
      port        = 27017
      target_port = 27017
    }
  }
}

resource "kubernetes_service" "internal_ssh" {
  metadata {
    name = "ssh"
    annotations = {
      "networking.gke.io/load-balancer-type" = "Internal"
    }
  }
  spec {
    type = "LoadBalancer"
    port {
      port = 22
    }
  }
}
`;

// Tab-indented, without a final line break, and two variables already take the name the fix would give.
const takenNames = `variable "admin_allowed_cidrs" {
\ttype = list(string)
}

variable "admin_allowed_cidrs_2" {
\ttype    = list(string)
\tdefault = []
}

resource "aws_security_group_rule" "admin" {
\ttype              = "ingress"
\tfrom_port         = 22
\tto_port           = 22
\tprotocol          = "tcp"
\tcidr_blocks       = ["0.0.0.0/0"]
\tsecurity_group_id = aws_security_group.ci.id
}`;

const bastionTemplate = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
    VpcId:
        Type: AWS::EC2::VPC::Id
Resources:
    BastionSG:
        Type: AWS::EC2::SecurityGroup
        Properties:
            GroupDescription: Bastion
            VpcId: !Ref VpcId
            SecurityGroupIngress:
                - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: "0.0.0.0/0"}
    BastionSGAllowedCidr:
        Type: AWS::SSM::Parameter
        Properties:
            Type: String
            Value: taken
`;

const postgresJson = `{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Parameters": {
    "DataSG": {
      "Type": "AWS::EC2::SecurityGroup::Id"
    }
  },
  "Resources": {
    "PostgresIngress": {
      "Type": "AWS::EC2::SecurityGroupIngress",
      "Properties": {
        "GroupId": { "Ref": "DataSG" },
        "IpProtocol": "tcp",
        "FromPort": 5432,
        "ToPort": 5432,
        "CidrIp": "0.0.0.0/0"
      }
    }
  }
}
`;

const sshRuleTemplate = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "JumpNsgAllowSshAllowedSourcePrefix": { "type": "string", "defaultValue": "10.0.0.0/8" }
  },
  "resources": [
    {
      "type": "Microsoft.Network/networkSecurityGroups/securityRules",
      "apiVersion": "2023-09-01",
      "name": "jump-nsg/allow-ssh",
      "properties": {
        "priority": 100,
        "direction": "Inbound",
        "access": "Allow",
        "protocol": "Tcp",
        "sourcePortRange": "*",
        "destinationPortRange": "22",
        "sourceAddressPrefix": "*",
        "destinationAddressPrefix": "*"
      }
    }
  ]
}
`;

const emptyRanges = `apiVersion: v1
kind: Service
metadata:
  name: kafka
spec:
  type: LoadBalancer
  loadBalancerSourceRanges: []
  ports:
    - port: 9092
`;

const annotatedService = `apiVersion: v1
kind: Service
metadata:
  name: redis
  annotations:
    service.beta.kubernetes.io/load-balancer-source-ranges: "10.0.0.0/8,0.0.0.0/0"
spec:
  type: LoadBalancer
  ports:
    - port: 6379
`;

// Blocks generated by `dynamic` read as written ones when their content writes literals.
const dynamicRules = `resource "aws_security_group" "jump" {
  name   = "jump"
  vpc_id = aws_vpc.main.id

  dynamic "ingress" {
    for_each = var.jump_hosts
    content {
      description = "SSH to \${ingress.key}"
      from_port   = 22
      to_port     = 22
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}

resource "azurerm_network_security_group" "app" {
  name                = "app-nsg"
  location            = azurerm_resource_group.main.location
  resource_group_name = azurerm_resource_group.main.name

  dynamic "security_rule" {
    for_each = local.admin_rules
    content {
      name                       = security_rule.key
      priority                   = security_rule.value.priority
      direction                  = "Inbound"
      access                     = "Allow"
      protocol                   = "Tcp"
      source_port_range          = "*"
      destination_port_range     = "3389"
      source_address_prefix      = "*"
      destination_address_prefix = "*"
    }
  }
}
`;

const flagged: FlaggedCase[] = [
	{
		name: 'SSH from IPv4 and IPv6 everywhere, and a range covering MySQL and RDP',
		path: 'sg.tf',
		source: bastionSg,
		findings: [
			{
				ruleId: id, line: 9, character: 25, endLine: 9, endCharacter: 34, text: '0.0.0.0/0', message: 'SSH (22) is open to the whole internet (0.0.0.0/0) in aws_security_group.bastion. Limit the source to your network, a VPN or a bastion\'s security group (AUP section 3), or use a session manager instead of an open port.',
				fixed: [narrowed(bastionSg, 'cidr_blocks      = ["0.0.0.0/0"]', 'cidr_blocks      = var.bastion_allowed_cidrs', tfVariable('bastion_allowed_cidrs', 'list(string)', 'Source ranges (CIDR) allowed to reach aws_security_group.bastion instead of the whole internet'))],
			},
			{
				ruleId: id, line: 10, character: 25, endLine: 10, endCharacter: 29, text: '::/0', message: /^SSH \(22\) is open to the whole internet \(::\/0\)/,
				fixed: [narrowed(bastionSg, '["::/0"]', 'var.bastion_allowed_ipv6_cidrs', tfVariable('bastion_allowed_ipv6_cidrs', 'list(string)', 'IPv6 source ranges (CIDR) allowed to reach aws_security_group.bastion instead of the whole internet'))],
			},
			{
				ruleId: id, line: 17, character: 20, endLine: 17, endCharacter: 29, text: '0.0.0.0/0', message: /^MySQL \(3306\) and RDP \(3389\) are open to the whole internet/,
				fixed: [narrowed(bastionSg, 'cidr_blocks = ["0.0.0.0/0"]', 'cidr_blocks = var.bastion_allowed_cidrs', tfVariable('bastion_allowed_cidrs', 'list(string)', 'Source ranges (CIDR) allowed to reach aws_security_group.bastion instead of the whole internet'))],
			},
		],
	},
	{
		name: 'PostgreSQL and Redis in standalone Terraform rule resources',
		path: 'rules.tf',
		source: ruleResources,
		findings: [
			{
				ruleId: id, line: 5, character: 24, endLine: 5, endCharacter: 33, text: '0.0.0.0/0', message: /^PostgreSQL \(5432\) is open .* in aws_security_group_rule\.postgres\./,
				fixed: [narrowed(ruleResources, '["0.0.0.0/0"]', 'var.postgres_allowed_cidrs', tfVariable('postgres_allowed_cidrs', 'list(string)', 'Source ranges (CIDR) allowed to reach aws_security_group_rule.postgres instead of the whole internet'))],
			},
			{
				ruleId: id, line: 11, character: 23, endLine: 11, endCharacter: 32, text: '0.0.0.0/0', message: /^Redis \(6379\) is open/,
				fixed: [narrowed(ruleResources, '"0.0.0.0/0"\n  from_port', 'var.redis_allowed_cidr\n  from_port', tfVariable('redis_allowed_cidr', 'string', 'Source range (CIDR) allowed to reach aws_vpc_security_group_ingress_rule.redis instead of the whole internet'))],
			},
		],
	},
	{
		name: 'RDP and MongoDB in CloudFormation security groups',
		path: 'network.yaml',
		source: windowsTemplate,
		findings: [
			{
				ruleId: id, line: 15, character: 18, endLine: 15, endCharacter: 27, text: '0.0.0.0/0', message: /^RDP \(3389\) is open .* in AWS::EC2::SecurityGroup 'WindowsSG'/,
				fixed: [`AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  WindowsSGAllowedCidr:
    Type: String
    Description: "Source range (CIDR) allowed to reach AWS::EC2::SecurityGroup 'WindowsSG' instead of the whole internet"
    AllowedPattern: '^(\\d{1,3}\\.){3}\\d{1,3}/([1-9]|[12]\\d|3[0-2])$'
    ConstraintDescription: "An IPv4 range in CIDR notation other than 0.0.0.0/0, such as 203.0.113.0/24"
Resources:
  WindowsSG:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: Windows hosts
      VpcId: !Ref Vpc
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 443
          ToPort: 443
          CidrIp: 0.0.0.0/0
        - IpProtocol: tcp
          FromPort: '3389'
          ToPort: '3389'
          CidrIp: !Ref WindowsSGAllowedCidr
  MongoIngress:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !Ref DataSG
      IpProtocol: "6"
      FromPort: 27017
      ToPort: 27017
      CidrIpv6: "::/0"
`],
			},
			{
				ruleId: id, line: 23, character: 17, endLine: 23, endCharacter: 21, text: '::/0', message: /^MongoDB \(27017\) is open/,
				fixed: [narrowed(narrowed(windowsTemplate, 'CidrIpv6: "::/0"', 'CidrIpv6: !Ref MongoIngressAllowedIpv6Cidr'), 'Resources:\n', `Parameters:
  MongoIngressAllowedIpv6Cidr:
    Type: String
    Description: "IPv6 source range (CIDR) allowed to reach AWS::EC2::SecurityGroupIngress 'MongoIngress' instead of the whole internet"
    AllowedPattern: '^[0-9a-fA-F:]+/([1-9]|[1-9]\\d|1[01]\\d|12[0-8])$'
    ConstraintDescription: "An IPv6 range in CIDR notation other than ::/0, such as 2001:db8::/48"
Resources:
`)],
			},
		],
	},
	{
		name: 'Azure NSG rules open to * and 0.0.0.0/0, by port and by ranges',
		path: 'nsg.tf',
		source: JUMP_NSG_TF,
		findings: [
			{
				ruleId: id, line: 13, character: 34, endLine: 13, endCharacter: 35, text: '*', message: /^SSH \(22\) is open to the whole internet \(\*\) in azurerm_network_security_group\.jump\. Limit the source address prefix/,
				fixed: [narrowed(JUMP_NSG_TF, 'source_address_prefix      = "*"', 'source_address_prefix      = var.jump_allowed_source_prefix', tfVariable('jump_allowed_source_prefix', 'string', 'Source address prefix (CIDR or service tag) allowed to reach azurerm_network_security_group.jump instead of the whole internet'))],
			},
			{
				ruleId: id, line: 38, character: 48, endLine: 38, endCharacter: 57, text: '0.0.0.0/0', message: /^SQL Server \(1433\), MySQL \(3306\) and RDP \(3389\) are open .* in azurerm_network_security_rule\.sql\./,
				fixed: [narrowed(JUMP_NSG_TF, '["10.0.0.0/8", "0.0.0.0/0"]', '["10.0.0.0/8", var.sql_allowed_source_prefix]', tfVariable('sql_allowed_source_prefix', 'string', 'Source address prefix (CIDR or service tag) allowed to reach azurerm_network_security_rule.sql instead of the whole internet'))],
			},
		],
	},
	{
		name: 'a GCP firewall with SSH and PostgreSQL from anywhere, named in one finding',
		path: 'firewall.tf',
		source: GCP_SSH_FIREWALLS_TF,
		findings: [
			{
				ruleId: id, line: 13, character: 20, endLine: 13, endCharacter: 29, text: '0.0.0.0/0', message: /^SSH \(22\) and PostgreSQL \(5432\) are open to the whole internet \(0\.0\.0\.0\/0\) in google_compute_firewall\.ssh\. Limit source_ranges/,
				fixed: [narrowed(GCP_SSH_FIREWALLS_TF, '["0.0.0.0/0"]', 'var.ssh_allowed_cidrs', tfVariable('ssh_allowed_cidrs', 'list(string)', 'Source ranges (CIDR) allowed to reach google_compute_firewall.ssh instead of the whole internet'))],
			},
		],
	},
	{
		name: 'LoadBalancer Services for PostgreSQL without source ranges and Redis with 0.0.0.0/0 among them',
		path: 'k8s/services.yaml',
		source: services,
		findings: [
			{
				ruleId: id, line: 11, character: 12, endLine: 11, endCharacter: 16, text: '5432', message: /^PostgreSQL \(5432\) is open to the whole internet \(type LoadBalancer without loadBalancerSourceRanges\) in Service 'postgres'\. Set the load balancer source ranges/,
				fixed: [narrowed(services, '      targetPort: 5432\n', '      targetPort: 5432\n  loadBalancerSourceRanges: [${1:203.0.113.0/24}]\n')],
			},
			{
				ruleId: id, line: 22, character: 6, endLine: 22, endCharacter: 15, text: '0.0.0.0/0', message: /^Redis \(6379\) is open to the whole internet \(0\.0\.0\.0\/0\) in Service 'redis'/,
				fixed: [narrowed(services, '- 0.0.0.0/0', '- ${1:203.0.113.0/24}')],
			},
		],
	},
	{
		name: 'a Terraform kubernetes_service_v1 load balancer for MongoDB, next to an internal one for SSH',
		path: 'k8s.tf',
		source: mongoService,
		findings: [
			{
				ruleId: id, line: 10, character: 20, endLine: 10, endCharacter: 25, text: '27017', message: /^MongoDB \(27017\) is open to the whole internet \(type LoadBalancer without load_balancer_source_ranges\) in kubernetes_service_v1\.mongo\./,
				fixed: [narrowed(mongoService, '    type = "LoadBalancer"\n', '    type                        = "LoadBalancer"\n    load_balancer_source_ranges = var.mongo_allowed_cidrs\n', tfVariable('mongo_allowed_cidrs', 'list(string)', 'Source ranges (CIDR) allowed to reach kubernetes_service_v1.mongo instead of the whole internet'))],
			},
		],
	},
	{
		name: 'an ARM network security group that allows RDP from the Internet tag',
		path: 'azuredeploy.json',
		source: JUMP_NSG_TEMPLATE,
		findings: [
			{
				ruleId: id, line: 20, character: 38, endLine: 20, endCharacter: 46, text: 'Internet', message: /^RDP \(3389\) is open to the whole internet \(Internet\) in Microsoft\.Network\/networkSecurityGroups 'jump-nsg'\./,
				fixed: [narrowed(narrowed(JUMP_NSG_TEMPLATE, '"sourceAddressPrefix": "Internet"', '"sourceAddressPrefix": "[parameters(\'jumpNsgAllowedSourcePrefix\')]"'), '  "resources": [', `  "parameters": {
    "jumpNsgAllowedSourcePrefix": {
      "type": "string",
      "metadata": {
        "description": "Source address prefix (CIDR or service tag) allowed to reach Microsoft.Network/networkSecurityGroups 'jump-nsg' instead of the whole internet"
      }
    }
  },
  "resources": [`)],
			},
		],
	},
	{
		name: 'a rule whose variable name is taken twice, in a tab-indented file',
		path: 'admin.tf',
		source: takenNames,
		findings: [
			{
				ruleId: id, line: 14, character: 23, endLine: 14, endCharacter: 32, text: '0.0.0.0/0',
				fixed: [narrowed(takenNames, '["0.0.0.0/0"]', 'var.admin_allowed_cidrs_3', '\n\nvariable "admin_allowed_cidrs_3" {\n\ttype        = list(string)\n\tdescription = "Source ranges (CIDR) allowed to reach aws_security_group_rule.admin instead of the whole internet"\n}\n')],
			},
		],
	},
	{
		name: 'SSH in a flow-style CloudFormation rule, with parameters and a resource already named as the fix would',
		path: 'bastion.yaml',
		source: bastionTemplate,
		findings: [
			{
				ruleId: id, line: 11, character: 71, endLine: 11, endCharacter: 80, text: '0.0.0.0/0',
				// The new parameter joins the others, four spaces deep as the file indents.
				fixed: [narrowed(narrowed(bastionTemplate, 'CidrIp: "0.0.0.0/0"', 'CidrIp: !Ref BastionSGAllowedCidr2'), '        Type: AWS::EC2::VPC::Id\n', `        Type: AWS::EC2::VPC::Id
    BastionSGAllowedCidr2:
        Type: String
        Description: "Source range (CIDR) allowed to reach AWS::EC2::SecurityGroup 'BastionSG' instead of the whole internet"
        AllowedPattern: '^(\\d{1,3}\\.){3}\\d{1,3}/([1-9]|[12]\\d|3[0-2])$'
        ConstraintDescription: "An IPv4 range in CIDR notation other than 0.0.0.0/0, such as 203.0.113.0/24"
`)],
			},
		],
	},
	{
		name: 'PostgreSQL in a CloudFormation JSON template that has parameters',
		path: 'postgres.json',
		source: postgresJson,
		findings: [
			{
				ruleId: id, line: 15, character: 19, endLine: 15, endCharacter: 28, text: '0.0.0.0/0',
				fixed: [narrowed(narrowed(postgresJson, '"CidrIp": "0.0.0.0/0"', '"CidrIp": { "Ref": "PostgresIngressAllowedCidr" }'), `"AWS::EC2::SecurityGroup::Id"
    }`, `"AWS::EC2::SecurityGroup::Id"
    },
    "PostgresIngressAllowedCidr": {
      "Type": "String",
      "Description": "Source range (CIDR) allowed to reach AWS::EC2::SecurityGroupIngress 'PostgresIngress' instead of the whole internet",
      "AllowedPattern": "^(\\\\d{1,3}\\\\.){3}\\\\d{1,3}/([1-9]|[12]\\\\d|3[0-2])$",
      "ConstraintDescription": "An IPv4 range in CIDR notation other than 0.0.0.0/0, such as 203.0.113.0/24"
    }`)],
			},
		],
	},
	{
		name: 'an ARM rule resource whose parameter name is taken in another case',
		path: 'azuredeploy.json',
		source: sshRuleTemplate,
		findings: [
			{
				ruleId: id, line: 18, character: 32, endLine: 18, endCharacter: 33, text: '*',
				// ARM compares parameter names without regard to case.
				fixed: [narrowed(narrowed(sshRuleTemplate, '"sourceAddressPrefix": "*"', '"sourceAddressPrefix": "[parameters(\'jumpNsgAllowSshAllowedSourcePrefix2\')]"'), '"defaultValue": "10.0.0.0/8" }', `"defaultValue": "10.0.0.0/8" },
    "jumpNsgAllowSshAllowedSourcePrefix2": {
      "type": "string",
      "metadata": {
        "description": "Source address prefix (CIDR or service tag) allowed to reach Microsoft.Network/networkSecurityGroups/securityRules 'jump-nsg/allow-ssh' instead of the whole internet"
      }
    }`)],
			},
		],
	},
	{
		name: 'Kafka behind an empty loadBalancerSourceRanges, which the fix fills rather than repeating the key',
		path: 'k8s/kafka.yaml',
		source: emptyRanges,
		findings: [
			{
				ruleId: id, line: 8, character: 12, endLine: 8, endCharacter: 16, text: '9092',
				fixed: [narrowed(emptyRanges, 'loadBalancerSourceRanges: []', 'loadBalancerSourceRanges: [${1:203.0.113.0/24}]')],
			},
		],
	},
	{
		name: 'Redis behind source ranges in an annotation, which gets no fix: the comma-separated list is not one value to replace',
		path: 'k8s/redis.yaml',
		source: annotatedService,
		findings: [
			{ ruleId: id, line: 5, character: 61, endLine: 5, endCharacter: 81, text: '10.0.0.0/8,0.0.0.0/0' },
		],
	},
	{
		name: 'SSH and RDP in the content of dynamic ingress and security_rule blocks',
		path: 'dynamic.tf',
		source: dynamicRules,
		findings: [
			{
				ruleId: id, line: 11, character: 22, endLine: 11, endCharacter: 31, text: '0.0.0.0/0', message: /^SSH \(22\) is open to the whole internet \(0\.0\.0\.0\/0\) in aws_security_group\.jump\./,
				fixed: [narrowed(dynamicRules, '["0.0.0.0/0"]', 'var.jump_allowed_cidrs', tfVariable('jump_allowed_cidrs', 'list(string)', 'Source ranges (CIDR) allowed to reach aws_security_group.jump instead of the whole internet'))],
			},
			{
				ruleId: id, line: 31, character: 36, endLine: 31, endCharacter: 37, text: '*', message: /^RDP \(3389\) is open to the whole internet \(\*\) in azurerm_network_security_group\.app\./,
				fixed: [narrowed(dynamicRules, 'source_address_prefix      = "*"', 'source_address_prefix      = var.app_allowed_source_prefix', tfVariable('app_allowed_source_prefix', 'string', 'Source address prefix (CIDR or service tag) allowed to reach azurerm_network_security_group.app instead of the whole internet'))],
			},
		],
	},
];

ruleTester.run(rule, {
	flagged,
	clean: [
		{
			name: 'dynamic blocks whose ports or sources come from the iterator, a dynamic egress, and a network ACL',
			path: 'dynamic.tf',
			source: `resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = aws_vpc.main.id

  dynamic "ingress" {
    for_each = var.open_ports
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }

  dynamic "ingress" {
    for_each = var.admin_cidrs
    iterator = admin
    content {
      from_port   = 22
      to_port     = 22
      protocol    = "tcp"
      cidr_blocks = [admin.value]
    }
  }

  dynamic "egress" {
    for_each = [22, 5432]
    content {
      from_port   = egress.value
      to_port     = egress.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}

resource "aws_network_acl" "public" {
  vpc_id = aws_vpc.main.id

  dynamic "ingress" {
    for_each = [100]
    content {
      rule_no    = ingress.value
      protocol   = "tcp"
      action     = "allow"
      cidr_block = "0.0.0.0/0"
      from_port  = 22
      to_port    = 22
    }
  }
}

resource "azurerm_network_security_group" "web" {
  name                = "web-nsg"
  location            = azurerm_resource_group.main.location
  resource_group_name = azurerm_resource_group.main.name

  dynamic "security_rule" {
    for_each = var.admin_rules
    content {
      name                       = security_rule.key
      priority                   = security_rule.value.priority
      direction                  = "Inbound"
      access                     = "Allow"
      protocol                   = "Tcp"
      source_port_range          = "*"
      destination_port_range     = security_rule.value.port
      source_address_prefix      = "*"
      destination_address_prefix = "*"
    }
  }
}
`,
		},
		{
			name: 'web ports open to the world and SSH from the office only',
			path: 'web.tf',
			source: `resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = aws_vpc.main.id

  ingress {
    description = "HTTPS; SSH from 0.0.0.0/0 is not allowed"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    from_port   = 80
    to_port     = 80
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0", "::/0"]
  }

  ingress {
    from_port       = 22
    to_port         = 22
    protocol        = "tcp"
    cidr_blocks     = ["203.0.113.0/24"]
    security_groups = [aws_security_group.bastion.id]
  }

  ingress {
    from_port   = -1
    to_port     = -1
    protocol    = "icmp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`,
		},
		{
			name: 'egress rules, a source from a variable and every port (AUP-NET-002)',
			path: 'misc.tf',
			source: `resource "aws_security_group_rule" "ssh_out" {
  type              = "egress"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.ci.id
}

resource "aws_security_group_rule" "ssh_admins" {
  type              = "ingress"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = var.admin_cidrs
  security_group_id = aws_security_group.ci.id
}

resource "aws_security_group_rule" "everything" {
  type              = "ingress"
  from_port         = 0
  to_port           = 0
  protocol          = "-1"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.lab.id
}
`,
		},
		{
			name: 'another resource type: a network ACL rule for SSH',
			path: 'nacl.tf',
			source: `resource "aws_network_acl_rule" "ssh" {
  network_acl_id = aws_network_acl.public.id
  rule_number    = 100
  egress         = false
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
  from_port      = 22
  to_port        = 22
}
`,
		},
		{
			name: 'CloudFormation SSH from a parameter and egress to the world',
			path: 'sg.yaml',
			source: `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  AdminCidr:
    Type: String
Resources:
  AdminSG:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: "Admin access; never 0.0.0.0/0 on port 22"
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: !Ref AdminCidr
      SecurityGroupEgress:
        - IpProtocol: tcp
          FromPort: 5432
          ToPort: 5432
          CidrIp: 0.0.0.0/0
`,
		},
		{
			name: 'Azure rules: SSH from the virtual network, a deny rule, outbound SSH, web ports, a source from a variable',
			path: 'nsg.tf',
			source: AZURE_NSG_RULES_TF,
		},
		{
			name: 'GCP firewalls: web ports, SSH from the IAP range, egress, disabled and deny rules',
			path: 'firewall.tf',
			source: GCP_FIREWALLS_TF,
		},
		{
			name: 'Services: public HTTPS, an internal load balancer, source ranges, ClusterIP and NodePort',
			path: 'k8s/services.yaml',
			source: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
    - name: https
      port: 443
      targetPort: 8443
---
apiVersion: v1
kind: Service
metadata:
  name: postgres-internal
  annotations:
    service.beta.kubernetes.io/aws-load-balancer-scheme: internal
spec:
  type: LoadBalancer
  ports:
    - port: 5432
---
apiVersion: v1
kind: Service
metadata:
  name: ssh-gateway
spec:
  type: LoadBalancer
  loadBalancerSourceRanges:
    - 203.0.113.0/24
  ports:
    - port: 22
---
apiVersion: v1
kind: Service
metadata:
  name: mysql
spec:
  type: ClusterIP
  ports:
    - port: 3306
---
apiVersion: v1
kind: Service
metadata:
  name: mongo-nodeport
spec:
  type: NodePort
  ports:
    - port: 27017
      nodePort: 30017
`,
		},
		{
			name: 'ARM: SSH from a parameter, a deny rule and outbound traffic',
			path: 'azuredeploy.json',
			source: ARM_NSG_TEMPLATE,
		},
	],
});

fixesResolve(rule, flagged);
